-- Persons reached "to date D" for every month-end window whose first day is the project's start
-- ($1 months, $3 last days D; $2 unused but zipped): as indicator-reached-participants.sql counts
-- them, from each person's first attendance inside the project period; counted once per month of
-- that attendance and summed over each window's months.
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
last_day AS (SELECT max(to_day) AS day FROM windows),
monthly AS (
  SELECT strftime(first_in_period, '%Y-%m') AS month, community AS scope, count(*) AS n
  FROM person_first WHERE first_in_period <= (SELECT day FROM last_day) GROUP BY ALL
  UNION ALL
  SELECT strftime(first_in_period, '%Y-%m'), 'ALL', count(*)
  FROM person_first_anywhere WHERE first_in_period <= (SELECT day FROM last_day) GROUP BY ALL
)
SELECT w.month, m.scope, sum(m.n) AS value
FROM windows w JOIN monthly m ON m.month <= w.month
GROUP BY ALL;
