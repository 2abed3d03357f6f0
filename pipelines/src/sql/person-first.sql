-- Each person's first attendance in each community and anywhere: computed once per run for
-- the new/returning counts of every grain; and their first inside the project period ($1..$2),
-- for the persons reached to date (P1 and the month table).
INSERT INTO person_first
SELECT participant_id, community, min(date) AS first_in_community,
       min(date) FILTER (WHERE date BETWEEN $1::DATE AND $2::DATE) AS first_in_period
FROM fact_attendance GROUP BY ALL;
INSERT INTO person_first_anywhere
SELECT participant_id, min(first_in_community) AS first_anywhere, min(first_in_period) AS first_in_period
FROM person_first GROUP BY ALL;
