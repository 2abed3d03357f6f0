-- Survey answers "to date D" for every month-end window ($1 months, $2 first days, $3 last days D,
-- zipped), as indicator-survey-share.sql counts them: among answers on the scale $7–$8 to question
-- $5 of survey $4, how many, and how many ≥ $6; per community and across all. Counted once per
-- month and summed over each window's months (as indicator-month-activity-count.sql).
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
monthly AS (
  SELECT strftime(date, '%Y-%m') AS month, coalesce(community, 'ALL') AS scope,
         count(*) AS answers, count(*) FILTER (WHERE value_number >= $6) AS at_least
  FROM fact_survey_answer
  WHERE date BETWEEN (SELECT min(from_day) FROM windows) AND (SELECT max(to_day) FROM windows)
    AND survey_code = $4 AND question_code = $5 AND value_number BETWEEN $7 AND $8
  GROUP BY GROUPING SETS ((strftime(date, '%Y-%m'), community), (strftime(date, '%Y-%m')))
)
SELECT w.month, m.scope, sum(m.answers) AS answers, sum(m.at_least) AS at_least
FROM windows w JOIN monthly m ON m.month BETWEEN strftime(w.from_day, '%Y-%m') AND w.month
GROUP BY ALL;
