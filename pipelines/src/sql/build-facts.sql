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

-- Attendance carries its activity's day, community and type: refresh them where the activity changed
-- (only a staged activity can have: a configuration change means a full rebuild).
UPDATE fact_attendance SET date = a.date, community = a.community, type_code = a.type_code, group_code = a.group_code
FROM (SELECT * FROM fact_activity WHERE activity_id IN (SELECT activity_id FROM stage_activity)) a
WHERE fact_attendance.activity_id = a.activity_id
  AND (fact_attendance.date <> a.date OR fact_attendance.community <> a.community
       OR fact_attendance.type_code <> a.type_code OR fact_attendance.group_code <> a.group_code);

INSERT INTO fact_attendance
SELECT s.activity_id, s.participant_id, p.participant_code, a.date, a.community, a.type_code, a.group_code, s.import_batch_id
FROM stage_attendance s
JOIN fact_activity a USING (activity_id)
JOIN dim_participant p USING (participant_id);

INSERT INTO fact_survey_answer
SELECT answer_id, response_id, survey_code, question_code, CAST(date AS DATE), community, value_number, import_batch_id
FROM stage_survey_answer;
