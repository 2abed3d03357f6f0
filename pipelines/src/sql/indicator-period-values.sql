-- Before this run's reporting-period values are appended: every row goes but those of the
-- (period, indicator) pairs $1 lists as 'period_id|code', which an incremental run keeps.
DELETE FROM indicator_period_value WHERE NOT list_contains($1::VARCHAR[], CAST(period_id AS VARCHAR) || '|' || code);
