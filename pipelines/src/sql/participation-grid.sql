-- An incremental run whose facts now span more days: the quiet periods the grid gained, as zeros.
-- $1 = grain, $2 = project period start, $3 = project period end (DATE).
INSERT INTO agg_participation
SELECT $1 AS grain,
       CASE $1
         WHEN 'week' THEN strftime(g.period_start, '%G-W%V')
         WHEN 'month' THEN strftime(g.period_start, '%Y-%m')
         WHEN 'quarter' THEN strftime(g.period_start, '%Y') || '-Q' || quarter(g.period_start)
         ELSE strftime(g.period_start, '%Y')
       END AS period,
       g.period_start, g.community, 'all', '', 0, 0, 0, 0, 0, 0, 0, NULL
FROM (
  SELECT s.community, CAST(p.period_start AS DATE) AS period_start
  FROM (SELECT community FROM dim_community UNION ALL SELECT 'ALL') s,
       range(
         date_trunc($1, least($2::DATE, coalesce((SELECT min(date) FROM fact_activity), $2::DATE))),
         date_trunc($1, greatest($3::DATE, coalesce((SELECT max(date) FROM fact_activity), $3::DATE))) + ('1 ' || $1)::INTERVAL,
         ('1 ' || $1)::INTERVAL
       ) AS p(period_start)
) g
WHERE NOT EXISTS (
  SELECT 1 FROM agg_participation x
  WHERE x.grain = $1 AND x.breakdown = 'all' AND x.community = g.community AND x.period_start = g.period_start
);
