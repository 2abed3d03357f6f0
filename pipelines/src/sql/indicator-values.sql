-- Before this run's indicator values are appended (after the previous ones were read).
DELETE FROM indicator_value;
