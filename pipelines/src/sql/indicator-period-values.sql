-- Before this run's reporting-period values are appended (after the previous ones were read).
DELETE FROM indicator_period_value;
