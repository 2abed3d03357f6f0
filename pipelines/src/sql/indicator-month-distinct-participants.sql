-- Persons with at least $4 attendances "to date D" for every month-end window ($1 months, $2 first
-- days, $3 last days D, zipped), as indicator-distinct-participants.sql counts them: a person counts
-- from the day of their $4-th attendance since the window's first day (per community of the
-- activity, and across all communities together). Windows share first days (the project's start,
-- or a 1 January), so each attendance is read once, under the first day of the windows its day
-- falls in; the persons are counted once per month of their $4-th attendance and summed over each
-- window's months.
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
starts AS (SELECT from_day, max(to_day) AS last_day FROM windows GROUP BY ALL),
attended AS (
  SELECT s.from_day, a.community, a.participant_id, a.date
  FROM fact_attendance a JOIN starts s ON a.date BETWEEN s.from_day AND s.last_day
),
reached AS (
  SELECT from_day, community AS scope, list(date ORDER BY date)[$4] AS day
  FROM attended GROUP BY from_day, community, participant_id HAVING count(*) >= $4
  UNION ALL
  SELECT from_day, 'ALL', list(date ORDER BY date)[$4]
  FROM attended GROUP BY from_day, participant_id HAVING count(*) >= $4
),
monthly AS (SELECT from_day, scope, strftime(day, '%Y-%m') AS month, count(*) AS n FROM reached GROUP BY ALL)
SELECT w.month, m.scope, sum(m.n) AS value
FROM windows w JOIN monthly m ON m.from_day = w.from_day AND m.month <= w.month
GROUP BY ALL;
