-- Persons reached "to date D" for every month-end window whose first day is the project's start
-- ($1 months, $3 last days D; $2 unused but zipped): as indicator-reached-participants.sql counts
-- them, from each person's first attendance inside the project period.
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
daily AS (
  SELECT community AS scope, first_in_period AS day, count(*) AS n FROM person_first WHERE first_in_period IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT 'ALL', first_in_period, count(*) FROM person_first_anywhere WHERE first_in_period IS NOT NULL GROUP BY ALL
)
SELECT w.month, d.scope, sum(d.n) AS value
FROM windows w JOIN daily d ON d.day <= w.to_day
GROUP BY ALL;
