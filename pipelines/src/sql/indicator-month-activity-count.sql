-- Activities "to date D" for every month-end window ($1 months, $2 first days, $3 last days D,
-- zipped), with the filters of indicator-activity-count.sql ($4 groups, $5 types, $6 resident
-- initiative): per community of the activity and across all; scopes without activities have no row.
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
daily AS (
  SELECT community, date, count(*) AS n
  FROM fact_activity
  WHERE date BETWEEN (SELECT min(from_day) FROM windows) AND (SELECT max(to_day) FROM windows)
    AND (len($4::VARCHAR[]) = 0 OR list_contains($4::VARCHAR[], group_code))
    AND (len($5::VARCHAR[]) = 0 OR list_contains($5::VARCHAR[], type_code))
    AND ($6::BOOLEAN IS NULL OR resident_initiative = $6::BOOLEAN)
  GROUP BY ALL
)
SELECT w.month, coalesce(d.community, 'ALL') AS scope, sum(d.n) AS value
FROM windows w JOIN daily d ON d.date BETWEEN w.from_day AND w.to_day
GROUP BY GROUPING SETS ((w.month, d.community), (w.month));
