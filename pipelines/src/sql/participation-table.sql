-- Each person's first attendance in each community and anywhere: computed once per run for
-- the new/returning counts of every grain.
CREATE OR REPLACE TABLE person_first AS
SELECT participant_id, community, min(date) AS first_in_community FROM fact_attendance GROUP BY ALL;
CREATE OR REPLACE TABLE person_first_anywhere AS
SELECT participant_id, min(first_in_community) AS first_anywhere FROM person_first GROUP BY ALL;

CREATE OR REPLACE TABLE agg_participation (
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
