-- The first and last day of the periods in added_periods (years and weeks cover the others).
SELECT strftime(min(period_start), '%Y-%m-%d') AS "from",
       strftime(max(period_start + CASE grain WHEN 'year' THEN INTERVAL 1 YEAR ELSE INTERVAL 7 DAY END - INTERVAL 1 DAY), '%Y-%m-%d') AS "to"
FROM added_periods
WHERE grain IN ('year', 'week');
