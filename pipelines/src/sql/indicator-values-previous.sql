-- The indicator values of the run an incremental run builds on, with the windows they measured:
-- one row per indicator and year, the scopes and their values as lists (cheap to hand to JavaScript).
SELECT code, year,
       strftime(window_from, '%Y-%m-%d') AS window_from, strftime(window_to, '%Y-%m-%d') AS window_to,
       list(community ORDER BY community) AS scopes, list(value ORDER BY community) AS "values"
FROM indicator_value
GROUP BY code, year, window_from, window_to;
