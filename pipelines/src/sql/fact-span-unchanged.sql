-- Whether the facts span the same days as before the staged rows were applied.
SELECT coalesce((SELECT min(date) FROM fact_activity) IS NOT DISTINCT FROM first_day
            AND (SELECT max(date) FROM fact_activity) IS NOT DISTINCT FROM last_day, false) AS same
FROM previous_fact_span;
