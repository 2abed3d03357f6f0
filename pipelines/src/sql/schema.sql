-- The analytics store: facts and dimensions with participant codes only, never names.
-- Facts keep the import batch they came from, so an incremental run can replace what changed.
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE dim_community (community VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL);
CREATE TABLE dim_activity_type (type_code VARCHAR PRIMARY KEY, name_pl VARCHAR NOT NULL, name_en VARCHAR NOT NULL, group_code VARCHAR NOT NULL);
CREATE TABLE dim_participant (participant_id INTEGER, participant_code VARCHAR, home_community VARCHAR, gender VARCHAR, age_band VARCHAR, leader BOOLEAN, leader_since DATE, import_batch_id INTEGER);
CREATE TABLE fact_activity (activity_id INTEGER, external_id VARCHAR, date DATE, community VARCHAR, type_code VARCHAR, group_code VARCHAR, headcount_anonymous INTEGER, resident_initiative BOOLEAN, import_batch_id INTEGER, source_row INTEGER);
CREATE TABLE fact_attendance (activity_id INTEGER, participant_id INTEGER, participant_code VARCHAR, date DATE, community VARCHAR, type_code VARCHAR, group_code VARCHAR, import_batch_id INTEGER);
CREATE TABLE fact_survey_answer (answer_id INTEGER, response_id INTEGER, survey_code VARCHAR, question_code VARCHAR, date DATE, community VARCHAR, value_number DOUBLE, import_batch_id INTEGER);
