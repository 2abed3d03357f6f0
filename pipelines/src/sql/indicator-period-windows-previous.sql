-- The windows the run an incremental run builds on measured, per reporting period and indicator
-- (the same for every scope): where they and their rows are unchanged, its figures are kept.
SELECT DISTINCT period_id, code, within_from, within_to, cumulative_from, cumulative_to
FROM indicator_period_value;
