-- The decline findings of the last run, so that an incremental run in the same week reuses them
-- for the communities whose data did not change.
CREATE TABLE IF NOT EXISTS decline_finding (
  community VARCHAR, group_code VARCHAR, measure VARCHAR, since VARCHAR, raised_in VARCHAR, last_week VARCHAR,
  observed DOUBLE, expected DOUBLE, drop DOUBLE, p_value DOUBLE, baseline_kind VARCHAR, sentence_pl VARCHAR, sentence_en VARCHAR
);
