-- Each person's first attendance in each community and anywhere: computed once per run for
-- the new/returning counts of every grain.
CREATE OR REPLACE TABLE person_first AS
SELECT participant_id, community, min(date) AS first_in_community FROM fact_attendance GROUP BY ALL;
CREATE OR REPLACE TABLE person_first_anywhere AS
SELECT participant_id, min(first_in_community) AS first_anywhere FROM person_first GROUP BY ALL;
