-- The decline findings of the last run, so that an incremental run in the same week reuses them
-- for the communities whose data did not change.
CREATE TABLE IF NOT EXISTS decline_finding (
  community VARCHAR, group_code VARCHAR, measure VARCHAR, since VARCHAR, raised_in VARCHAR, last_week VARCHAR,
  observed DOUBLE, expected DOUBLE, drop DOUBLE, p_value DOUBLE, baseline_kind VARCHAR, sentence_pl VARCHAR, sentence_en VARCHAR
);

-- What the last scan of each series saw (its weeks) and handed from week to week (the checkpoint,
-- JSON): the next run resumes each series at its first changed week (detectDeclineResuming).
CREATE TABLE IF NOT EXISTS decline_scan (
  community VARCHAR, group_code VARCHAR, weeks VARCHAR[], attendances INTEGER[], "distinctParticipants" INTEGER[], activities INTEGER[],
  checkpoint VARCHAR
);
