-- Before an incremental run applies its staged rows: the days whose periods may change, and the
-- persons whose first attendance may move. Old dates of corrected activities count too. The
-- tables are new and empty at the start of each run (analytics-schema.sql).
INSERT INTO staged_dates
SELECT date FROM fact_activity WHERE activity_id IN (SELECT activity_id FROM stage_activity)
UNION
SELECT CAST(date AS DATE) FROM stage_activity
UNION
SELECT a.date FROM stage_attendance s JOIN fact_activity a USING (activity_id);

INSERT INTO affected_persons
SELECT participant_id FROM stage_attendance
UNION
SELECT participant_id FROM fact_attendance WHERE activity_id IN (SELECT activity_id FROM stage_activity);

-- Their first attendances as they were: new/returning counts of those periods change too.
INSERT INTO previous_person_first
SELECT * FROM person_first WHERE participant_id IN (SELECT participant_id FROM affected_persons);
INSERT INTO previous_person_first_anywhere
SELECT * FROM person_first_anywhere WHERE participant_id IN (SELECT participant_id FROM affected_persons);

-- Weekly series that change (each community in total, group '', and per activity group): the
-- decline detection runs again only for them.
INSERT INTO affected_series
WITH changed AS (
  SELECT community, group_code FROM fact_activity WHERE activity_id IN (SELECT activity_id FROM stage_activity)
  UNION
  SELECT s.community, t.group_code FROM stage_activity s JOIN dim_activity_type t USING (type_code)
  UNION
  SELECT a.community, a.group_code FROM stage_attendance s JOIN fact_activity a USING (activity_id)
)
SELECT community, group_code FROM changed
UNION
SELECT community, '' FROM changed;

-- The days the facts spanned: when the span changes, every series gains or loses weeks.
INSERT INTO previous_fact_span SELECT min(date) AS first_day, max(date) AS last_day FROM fact_activity;
