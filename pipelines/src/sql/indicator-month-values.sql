-- Before this run's month values are appended: every run computes them all again (a few set
-- queries), so an incremental run writes exactly what a full one does.
DELETE FROM indicator_month_value;
