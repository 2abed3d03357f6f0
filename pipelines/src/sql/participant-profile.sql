-- Persons by gender and age band per community (and ALL) and year: the distinct persons who
-- attended at least one activity of the community in that year (ALL: of any community), by the
-- register's gender (K, M, other; unknown where it is empty) and dim_participant's age band
-- (unknown where the birth year is). Only non-empty cells are stored. The table is small (at most
-- communities × years × 4 × 7 rows), so every run recomputes it in full: an incremental run that
-- corrects a person's gender or birth year changes every year they came in.
DELETE FROM agg_participant_profile;
INSERT INTO agg_participant_profile
WITH attended AS (
  SELECT DISTINCT community, year(date) AS year, participant_id FROM fact_attendance
),
persons AS (
  SELECT t.community,
         t.year,
         t.participant_id,
         CASE WHEN p.gender IN ('K', 'M', 'other') THEN p.gender ELSE 'unknown' END AS gender,
         coalesce(p.age_band, 'unknown') AS age_band
  FROM attended t
  JOIN dim_participant p USING (participant_id)
)
SELECT community, year, gender, age_band, count(*)::INTEGER AS persons FROM persons GROUP BY ALL
UNION ALL
SELECT 'ALL', year, gender, age_band, count(DISTINCT participant_id)::INTEGER FROM persons GROUP BY ALL;
