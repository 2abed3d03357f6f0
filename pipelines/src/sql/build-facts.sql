-- Typed facts and dimensions from the staging tables.
-- $1 = project period start (DATE)
CREATE TABLE dim_participant AS
SELECT participant_code,
       home_community,
       gender,
       CASE
         WHEN birth_year IS NULL THEN NULL
         WHEN year($1::DATE) - birth_year < 18 THEN '0-17'
         WHEN year($1::DATE) - birth_year < 30 THEN '18-29'
         WHEN year($1::DATE) - birth_year < 45 THEN '30-44'
         WHEN year($1::DATE) - birth_year < 60 THEN '45-59'
         WHEN year($1::DATE) - birth_year < 75 THEN '60-74'
         ELSE '75+'
       END AS age_band,
       leader,
       CAST(leader_since AS DATE) AS leader_since
FROM stage_participant;

CREATE TABLE fact_activity AS
SELECT a.activity_id,
       a.external_id,
       CAST(a.date AS DATE) AS date,
       a.community,
       a.type_code,
       t.group_code,
       a.headcount_anonymous,
       a.resident_initiative,
       a.import_batch_id,
       a.source_row
FROM stage_activity a
JOIN dim_activity_type t USING (type_code);

CREATE TABLE fact_attendance AS
SELECT s.activity_id, s.participant_code, a.date, a.community, a.type_code, a.group_code
FROM stage_attendance s
JOIN fact_activity a USING (activity_id);

CREATE TABLE fact_survey_answer AS
SELECT response_id, survey_code, question_code, CAST(date AS DATE) AS date, community, value_number
FROM stage_survey_answer;

DROP TABLE stage_participant;
DROP TABLE stage_activity;
DROP TABLE stage_attendance;
DROP TABLE stage_survey_answer;
