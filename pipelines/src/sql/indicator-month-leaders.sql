-- Leaders "to date D" for every month-end window ($1 months, $2 first days, $3 last days D,
-- zipped), as indicator-leaders.sql counts them: leader_since inside the window, by home community.
-- Counted once per month and summed over each window's months (as indicator-month-activity-count.sql).
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
monthly AS (
  SELECT strftime(leader_since, '%Y-%m') AS month, coalesce(home_community, 'ALL') AS scope, count(*) AS n
  FROM dim_participant
  WHERE leader AND leader_since BETWEEN (SELECT min(from_day) FROM windows) AND (SELECT max(to_day) FROM windows)
  GROUP BY GROUPING SETS ((strftime(leader_since, '%Y-%m'), home_community), (strftime(leader_since, '%Y-%m')))
)
SELECT w.month, m.scope, sum(m.n) AS value
FROM windows w JOIN monthly m ON m.month BETWEEN strftime(w.from_day, '%Y-%m') AND w.month
GROUP BY ALL;
