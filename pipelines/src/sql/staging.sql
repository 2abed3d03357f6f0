-- What a run read from the operational database: all rows (full) or the changed ones (incremental).
CREATE OR REPLACE TABLE stage_participant (participant_id INTEGER, participant_code VARCHAR, home_community VARCHAR, gender VARCHAR, birth_year INTEGER, leader BOOLEAN, leader_since VARCHAR, import_batch_id INTEGER);
CREATE OR REPLACE TABLE stage_activity (activity_id INTEGER, external_id VARCHAR, date VARCHAR, community VARCHAR, type_code VARCHAR, headcount_anonymous INTEGER, resident_initiative BOOLEAN, import_batch_id INTEGER, source_row INTEGER);
CREATE OR REPLACE TABLE stage_attendance (activity_id INTEGER, participant_id INTEGER, import_batch_id INTEGER);
CREATE OR REPLACE TABLE stage_survey_answer (answer_id INTEGER, response_id INTEGER, survey_code VARCHAR, question_code VARCHAR, date VARCHAR, community VARCHAR, value_number DOUBLE, import_batch_id INTEGER);
