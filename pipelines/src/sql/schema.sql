-- The analytics store: facts and dimensions with participant codes only, never names.
-- Staging tables receive civil dates as text; build.sql casts them once.
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE dim_community (community VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL);
CREATE TABLE dim_activity_type (type_code VARCHAR PRIMARY KEY, name_pl VARCHAR NOT NULL, name_en VARCHAR NOT NULL, group_code VARCHAR NOT NULL);
CREATE TABLE stage_participant (participant_code VARCHAR, home_community VARCHAR, gender VARCHAR, birth_year INTEGER, leader BOOLEAN, leader_since VARCHAR);
CREATE TABLE stage_activity (activity_id INTEGER, external_id VARCHAR, date VARCHAR, community VARCHAR, type_code VARCHAR, headcount_anonymous INTEGER, resident_initiative BOOLEAN, import_batch_id INTEGER, source_row INTEGER);
CREATE TABLE stage_attendance (activity_id INTEGER, participant_code VARCHAR);
CREATE TABLE stage_survey_answer (response_id INTEGER, survey_code VARCHAR, question_code VARCHAR, date VARCHAR, community VARCHAR, value_number DOUBLE);
