-- The analytics store's tables, and every table one pipeline step hands to another: the only DDL
-- of the store (its hash is the layout version, analytics/analytics-schema.ts). Run at the start
-- of every run. Three kinds, by how they are created:
--   CREATE TABLE IF NOT EXISTS        the store: kept in the published file, carried over by incremental runs;
--   CREATE OR REPLACE TABLE           per run, in the file: new and empty at the start of each run;
--   CREATE OR REPLACE TEMP TABLE      per run, on the build's connection only.
-- Facts and dimensions hold participant codes only, never names; facts keep the import batch
-- they came from, so an incremental run can replace what changed.

-- ---------------------------------------------------------------- the store
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS dim_community (community VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS dim_activity_type (type_code VARCHAR PRIMARY KEY, name_pl VARCHAR NOT NULL, name_en VARCHAR NOT NULL, group_code VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS dim_participant (participant_id INTEGER, participant_code VARCHAR, home_community VARCHAR, gender VARCHAR, age_band VARCHAR, leader BOOLEAN, leader_since DATE, import_batch_id INTEGER);
CREATE TABLE IF NOT EXISTS fact_activity (activity_id INTEGER, external_id VARCHAR, date DATE, community VARCHAR, type_code VARCHAR, group_code VARCHAR, headcount_anonymous INTEGER, resident_initiative BOOLEAN, import_batch_id INTEGER, source_row INTEGER);
CREATE TABLE IF NOT EXISTS fact_attendance (activity_id INTEGER, participant_id INTEGER, participant_code VARCHAR, date DATE, community VARCHAR, type_code VARCHAR, group_code VARCHAR, import_batch_id INTEGER);
CREATE TABLE IF NOT EXISTS fact_survey_answer (answer_id INTEGER, response_id INTEGER, survey_code VARCHAR, question_code VARCHAR, date DATE, community VARCHAR, value_number DOUBLE, import_batch_id INTEGER);

-- Each person's first attendance in each community and anywhere (for the new/returning counts of
-- every grain), and their first inside the project period (the persons reached to date: P1, the month table).
CREATE TABLE IF NOT EXISTS person_first (participant_id INTEGER, community VARCHAR, first_in_community DATE, first_in_period DATE);
CREATE TABLE IF NOT EXISTS person_first_anywhere (participant_id INTEGER, first_anywhere DATE, first_in_period DATE);

-- Participation per grain ('week', 'month', 'quarter', 'year'), period, community (and ALL) and
-- breakdown ('all', 'group', 'type'); quiet periods of the grid are zeros.
CREATE TABLE IF NOT EXISTS agg_participation (
  grain VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  community VARCHAR NOT NULL,
  breakdown VARCHAR NOT NULL,
  breakdown_value VARCHAR NOT NULL,
  activities INTEGER NOT NULL,
  attendances INTEGER NOT NULL,
  named_attendances INTEGER NOT NULL,
  anonymous_attendances INTEGER NOT NULL,
  distinct_participants INTEGER NOT NULL,
  new_participants INTEGER NOT NULL,
  returning_participants INTEGER NOT NULL,
  turnout DOUBLE
);

-- The overview chart: the month rows of agg_participation with the persons reached to each month's end.
CREATE TABLE IF NOT EXISTS agg_participation_month (
  community VARCHAR, period VARCHAR, activities INTEGER, attendances INTEGER, named_attendances INTEGER, anonymous_attendances INTEGER,
  distinct_participants INTEGER, new_participants INTEGER, returning_participants INTEGER, cumulative_participants INTEGER, turnout DOUBLE
);

-- Survey answers per survey, question, community (and ALL) and year.
CREATE TABLE IF NOT EXISTS agg_survey (
  survey_code VARCHAR, question_code VARCHAR, community VARCHAR, year BIGINT, n INTEGER, mean DOUBLE,
  n_0 INTEGER, n_1 INTEGER, n_2 INTEGER, n_3 INTEGER, n_4 INTEGER, n_5 INTEGER, share_4_or_more DOUBLE
);

-- Distinct persons who attended in a community (and ALL) in a year, by gender ('K', 'M', 'other',
-- 'unknown') and age band (dim_participant.age_band, 'unknown' without a birth year); non-empty cells only.
CREATE TABLE IF NOT EXISTS agg_participant_profile (community VARCHAR NOT NULL, year INTEGER NOT NULL, gender VARCHAR NOT NULL, age_band VARCHAR NOT NULL, persons INTEGER NOT NULL);

-- One row per indicator, scope and year (unique by construction). No primary key: its index
-- cost more to build each run than it saves on a table of a few thousand rows.
CREATE TABLE IF NOT EXISTS indicator_value (
  code VARCHAR NOT NULL,
  community VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  value DOUBLE,
  target DOUBLE,
  baseline DOUBLE,
  expected DOUBLE,
  achievement DOUBLE,
  status VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  window_from DATE,
  window_to DATE
);

-- One row per reporting period (config.periods' id), indicator and scope: the value within the
-- period and cumulative to its end, with the windows measured (civil dates as text), the target
-- at the period's end, the expected value, achievement and status (docs/spec/indicators.md).
CREATE TABLE IF NOT EXISTS indicator_period_value (
  period_id INTEGER NOT NULL,
  code VARCHAR NOT NULL,
  community VARCHAR NOT NULL,
  value_within DOUBLE,
  value_cumulative DOUBLE,
  target DOUBLE,
  expected DOUBLE,
  achievement DOUBLE,
  status VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  within_from VARCHAR,
  within_to VARCHAR,
  cumulative_from VARCHAR,
  cumulative_to VARCHAR
);

-- One row per indicator, scope and month of the project ('YYYY-MM'): the value "to date D" with D
-- = the month's last day (or the project's end, or the run's date, whichever comes first; the day
-- is measured_to), exactly as the indicator counts it (cumulative from the project's start, annual
-- from 1 January); null where there is none (no answers; a month after the run's date, whose
-- measured_to is null too); for percentages the answers behind the share (null for counts). The
-- history the forecasts (indicators/forecast.ts) are made from; the running month's row is the value
-- to the run's date.
CREATE TABLE IF NOT EXISTS indicator_month_value (
  code VARCHAR NOT NULL,
  community VARCHAR NOT NULL,
  month VARCHAR NOT NULL,
  value_to_month_end DOUBLE,
  answers INTEGER,
  measured_to VARCHAR
);

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

-- Lapsing regulars (steps/lapsing.step.ts): each community's regulars as of the last complete week,
-- most unusual absence first (codes only, never names), and the community alerts of the
-- person-level test (as decline_finding's rows, measure 'lapsingRegulars'). An incremental run in
-- the same week keeps the rows of the communities whose data did not change.
CREATE TABLE IF NOT EXISTS lapsing_regular (
  community VARCHAR, participant_id INTEGER, participant_code VARCHAR, usual_rate DOUBLE, attended DOUBLE, opportunities DOUBLE,
  last_date DATE, last_week VARCHAR, missed_since VARCHAR, missed DOUBLE, absence_probability DOUBLE, lapsing BOOLEAN,
  counted BOOLEAN, groups VARCHAR[], rank INTEGER
);
CREATE TABLE IF NOT EXISTS lapsing_finding (
  community VARCHAR, group_code VARCHAR, measure VARCHAR, since VARCHAR, raised_in VARCHAR, last_week VARCHAR,
  observed DOUBLE, expected DOUBLE, drop DOUBLE, p_value DOUBLE, baseline_kind VARCHAR, sentence_pl VARCHAR, sentence_en VARCHAR
);

-- ---------------------------------------------------------------- per run, in the file
-- What a run read from the operational database: all rows (full) or the changed ones
-- (incremental). Dropped once the facts hold them.
CREATE OR REPLACE TABLE stage_participant (participant_id INTEGER, participant_code VARCHAR, home_community VARCHAR, gender VARCHAR, birth_year INTEGER, leader BOOLEAN, leader_since VARCHAR, import_batch_id INTEGER);
CREATE OR REPLACE TABLE stage_activity (activity_id INTEGER, external_id VARCHAR, date VARCHAR, community VARCHAR, type_code VARCHAR, headcount_anonymous INTEGER, resident_initiative BOOLEAN, import_batch_id INTEGER, source_row INTEGER);
CREATE OR REPLACE TABLE stage_attendance (activity_id INTEGER, participant_id INTEGER, import_batch_id INTEGER);
CREATE OR REPLACE TABLE stage_survey_answer (answer_id INTEGER, response_id INTEGER, survey_code VARCHAR, question_code VARCHAR, date VARCHAR, community VARCHAR, value_number DOUBLE, import_batch_id INTEGER);

-- An incremental run: the persons whose first attendance may move (their rows changed), and the
-- weekly series that change (each community in total, group '', and per activity group).
CREATE OR REPLACE TABLE affected_persons (participant_id INTEGER);
CREATE OR REPLACE TABLE affected_series (community VARCHAR, group_code VARCHAR);
-- An incremental run that corrects rows: the days whose periods are recomputed.
CREATE OR REPLACE TABLE affected_dates (date DATE);

-- ---------------------------------------------------------------- per run, on the connection
-- An incremental run, noted before its staged rows are applied: the days of the staged rows (a
-- corrected activity's old day too), the affected persons' first attendances as they were, and
-- the days the facts spanned.
CREATE OR REPLACE TEMP TABLE staged_dates (date DATE);
CREATE OR REPLACE TEMP TABLE previous_person_first (participant_id INTEGER, community VARCHAR, first_in_community DATE, first_in_period DATE);
CREATE OR REPLACE TEMP TABLE previous_person_first_anywhere (participant_id INTEGER, first_anywhere DATE, first_in_period DATE);
CREATE OR REPLACE TEMP TABLE previous_fact_span (first_day DATE, last_day DATE);
