-- Before an incremental run applies its staged rows: the days whose periods may change, and the
-- persons whose first attendance may move. Old dates of corrected activities count too.
CREATE OR REPLACE TEMP TABLE staged_dates AS
SELECT date FROM fact_activity WHERE activity_id IN (SELECT activity_id FROM stage_activity)
UNION
SELECT CAST(date AS DATE) FROM stage_activity
UNION
SELECT a.date FROM stage_attendance s JOIN fact_activity a USING (activity_id);
CREATE OR REPLACE TABLE affected_dates AS SELECT date FROM staged_dates;

CREATE OR REPLACE TABLE affected_persons AS
SELECT participant_id FROM stage_attendance
UNION
SELECT participant_id FROM fact_attendance WHERE activity_id IN (SELECT activity_id FROM stage_activity);

-- Their first attendances as they were: new/returning counts of those periods change too.
CREATE OR REPLACE TEMP TABLE previous_person_first AS
SELECT * FROM person_first WHERE participant_id IN (SELECT participant_id FROM affected_persons);
CREATE OR REPLACE TEMP TABLE previous_person_first_anywhere AS
SELECT * FROM person_first_anywhere WHERE participant_id IN (SELECT participant_id FROM affected_persons);
INSERT INTO affected_dates
SELECT first_in_community FROM previous_person_first
UNION
SELECT first_anywhere FROM previous_person_first_anywhere;

-- Weekly series that change (each community in total, group '', and per activity group): the
-- decline detection runs again only for them.
CREATE OR REPLACE TABLE affected_series AS
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
CREATE OR REPLACE TEMP TABLE previous_fact_span AS SELECT min(date) AS first_day, max(date) AS last_day FROM fact_activity;
