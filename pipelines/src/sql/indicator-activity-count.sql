-- Activities between $1 and $2, optionally only of the groups $3, the types $4, and those
-- co-organised by residents ($5 = true). An empty list or NULL means no filter.
SELECT coalesce(community, 'ALL') AS scope, count(*) AS value
FROM fact_activity
WHERE date BETWEEN $1::DATE AND $2::DATE
  AND (len($3::VARCHAR[]) = 0 OR list_contains($3::VARCHAR[], group_code))
  AND (len($4::VARCHAR[]) = 0 OR list_contains($4::VARCHAR[], type_code))
  AND ($5::BOOLEAN IS NULL OR resident_initiative = $5::BOOLEAN)
GROUP BY ROLLUP (community);
