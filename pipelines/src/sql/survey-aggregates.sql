-- Survey answers per survey, question, community (and ALL) and year: n, mean, the distribution
-- of values and the share of answers ≥ 4 among those of the 1–5 scale, $1–$2 (project.json's
-- answerScales.likert5; yes/no answers are stored as answerScales.yes_no, by default 1/0).
DELETE FROM agg_survey;
INSERT INTO agg_survey
SELECT survey_code,
       question_code,
       CASE WHEN grouping(community) = 1 THEN 'ALL' ELSE community END AS community,
       year(date) AS year,
       count(*)::INTEGER AS n,
       round(avg(value_number), 2) AS mean,
       count(*) FILTER (WHERE value_number = 0)::INTEGER AS n_0,
       count(*) FILTER (WHERE value_number = 1)::INTEGER AS n_1,
       count(*) FILTER (WHERE value_number = 2)::INTEGER AS n_2,
       count(*) FILTER (WHERE value_number = 3)::INTEGER AS n_3,
       count(*) FILTER (WHERE value_number = 4)::INTEGER AS n_4,
       count(*) FILTER (WHERE value_number = 5)::INTEGER AS n_5,
       CASE WHEN count(*) FILTER (WHERE value_number BETWEEN $1 AND $2) = 0 THEN NULL
            ELSE round(100.0 * count(*) FILTER (WHERE value_number >= 4) / count(*) FILTER (WHERE value_number BETWEEN $1 AND $2), 1)
       END AS share_4_or_more
FROM fact_survey_answer
GROUP BY GROUPING SETS ((survey_code, question_code, community, year(date)), (survey_code, question_code, year(date)));
