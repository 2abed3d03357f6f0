-- Applies the staged rows to the facts: new rows are added, changed rows (a corrected activity
-- log or register) replace their earlier version. The same statements serve a full rebuild
-- (facts start empty) and an incremental run (facts are the previous state).
-- $1 = project period start (DATE), for age bands.
DELETE FROM dim_participant WHERE participant_id IN (SELECT participant_id FROM stage_participant);
INSERT INTO dim_participant
SELECT participant_id,
       participant_code,
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
       END,
       leader,
       CAST(leader_since AS DATE),
       import_batch_id
FROM stage_participant;

DELETE FROM fact_activity WHERE activity_id IN (SELECT activity_id FROM stage_activity);
INSERT INTO fact_activity
SELECT a.activity_id, a.external_id, CAST(a.date AS DATE), a.community, a.type_code, t.group_code,
       a.headcount_anonymous, a.resident_initiative, a.import_batch_id, a.source_row
FROM stage_activity a
JOIN dim_activity_type t USING (type_code);

-- Configuration may have moved a type to another group; facts follow the configuration.
UPDATE fact_activity SET group_code = t.group_code
FROM dim_activity_type t
WHERE fact_activity.type_code = t.type_code AND fact_activity.group_code <> t.group_code;

-- A staged activity comes with its whole attendance list (the extract stages every row of an
-- activity a newer batch wrote): the list replaces the one in the facts, so that persons taken off
-- a corrected list leave them, and the rows kept take the activity's new day, community and type.
DELETE FROM fact_attendance WHERE activity_id IN (SELECT activity_id FROM stage_activity);

INSERT INTO fact_attendance
SELECT s.activity_id, s.participant_id, p.participant_code, a.date, a.community, a.type_code, a.group_code, s.import_batch_id
FROM stage_attendance s
JOIN fact_activity a USING (activity_id)
JOIN dim_participant p USING (participant_id);

INSERT INTO fact_survey_answer
SELECT answer_id, response_id, survey_code, question_code, CAST(date AS DATE), community, value_number, import_batch_id
FROM stage_survey_answer;
