-- Activities "to date D" for every month-end window ($1 months, $2 first days, $3 last days D,
-- zipped), with the filters of indicator-activity-count.sql ($4 groups, $5 types, $6 resident
-- initiative): per community of the activity and across all; scopes without activities have no
-- row. Counted once per month, then summed over the months of each window: a window runs from the
-- project's start or a 1 January to its month's end (or the last day measured), so the months from
-- its first day's to its own hold exactly its days.
WITH windows AS (
  SELECT unnest($1::VARCHAR[]) AS month, unnest($2::VARCHAR[])::DATE AS from_day, unnest($3::VARCHAR[])::DATE AS to_day
),
monthly AS (
  SELECT strftime(date, '%Y-%m') AS month, coalesce(community, 'ALL') AS scope, count(*) AS n
  FROM fact_activity
  WHERE date BETWEEN (SELECT min(from_day) FROM windows) AND (SELECT max(to_day) FROM windows)
    AND (len($4::VARCHAR[]) = 0 OR list_contains($4::VARCHAR[], group_code))
    AND (len($5::VARCHAR[]) = 0 OR list_contains($5::VARCHAR[], type_code))
    AND ($6::BOOLEAN IS NULL OR resident_initiative = $6::BOOLEAN)
  GROUP BY GROUPING SETS ((strftime(date, '%Y-%m'), community), (strftime(date, '%Y-%m')))
)
SELECT w.month, m.scope, sum(m.n) AS value
FROM windows w JOIN monthly m ON m.month BETWEEN strftime(w.from_day, '%Y-%m') AND w.month
GROUP BY ALL;
