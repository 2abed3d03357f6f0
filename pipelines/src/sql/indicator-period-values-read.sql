-- One reporting period's indicator figures ($1 = its id), as the last run stored them.
SELECT period_id, code, community, value_within, value_cumulative, target, expected, achievement, status, unit,
       within_from, within_to, cumulative_from, cumulative_to
FROM indicator_period_value
WHERE period_id = $1
ORDER BY code, community;
