-- The reporting-period values of the run an incremental run builds on, with the windows they
-- measured: one row per period, indicator and measure ('within', 'cumulative'), the scopes and
-- their values as lists (cheap to hand to JavaScript).
SELECT period_id, code, 'within' AS measure, within_from AS window_from, within_to AS window_to,
       list(community ORDER BY community) AS scopes, list(value_within ORDER BY community) AS "values"
FROM indicator_period_value
GROUP BY period_id, code, within_from, within_to
UNION ALL
SELECT period_id, code, 'cumulative', cumulative_from, cumulative_to,
       list(community ORDER BY community), list(value_cumulative ORDER BY community)
FROM indicator_period_value
GROUP BY period_id, code, cumulative_from, cumulative_to;
