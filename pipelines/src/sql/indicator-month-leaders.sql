-- Leaders "to date D" for every month-end window ($1 months, $2 first days, $3 last days D,
-- zipped), as indicator-leaders.sql counts them: leader_since inside the window, by home community.
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
daily AS (
  SELECT home_community, leader_since, count(*) AS n FROM dim_participant WHERE leader AND leader_since IS NOT NULL GROUP BY ALL
)
SELECT w.month, coalesce(d.home_community, 'ALL') AS scope, sum(d.n) AS value
FROM windows w JOIN daily d ON d.leader_since BETWEEN w.from_day AND w.to_day
GROUP BY GROUPING SETS ((w.month, d.home_community), (w.month));
