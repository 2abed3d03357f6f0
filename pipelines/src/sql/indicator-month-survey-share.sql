-- Survey answers "to date D" for every month-end window ($1 months, $2 first days, $3 last days D,
-- zipped), as indicator-survey-share.sql counts them: among answers on the scale $7–$8 to question
-- $5 of survey $4, how many, and how many ≥ $6; per community and across all.
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
daily AS (
  SELECT community, date, count(*) AS answers, count(*) FILTER (WHERE value_number >= $6) AS at_least
  FROM fact_survey_answer
  WHERE survey_code = $4 AND question_code = $5 AND value_number BETWEEN $7 AND $8
  GROUP BY ALL
)
SELECT w.month, coalesce(d.community, 'ALL') AS scope, sum(d.answers) AS answers, sum(d.at_least) AS at_least
FROM windows w JOIN daily d ON d.date BETWEEN w.from_day AND w.to_day
GROUP BY GROUPING SETS ((w.month, d.community), (w.month));
