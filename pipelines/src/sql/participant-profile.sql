-- Persons by gender and age band per community (and ALL) and year: the distinct persons who
-- attended at least one activity of the community in that year (ALL: of any community), by the
-- register's gender (K, M, other; unknown where it is empty) and dim_participant's age band
-- (unknown where the birth year is). Only non-empty cells are stored.
-- $1: recompute every year (a full run); else only the years an incremental run touched: those of
-- its staged days (a corrected activity's old day too) and every year a person whose register row
-- it changed (import batch after $2, the published watermark) came in.
DELETE FROM agg_participant_profile
WHERE $1::BOOLEAN
   OR year IN (SELECT year(date) FROM staged_dates
               UNION
               SELECT year(a.date) FROM fact_attendance a JOIN dim_participant p USING (participant_id) WHERE p.import_batch_id > $2::INTEGER);

INSERT INTO agg_participant_profile
WITH touched AS (
  SELECT year(date) AS year FROM staged_dates
  UNION
  SELECT year(a.date) FROM fact_attendance a JOIN dim_participant p USING (participant_id) WHERE p.import_batch_id > $2::INTEGER
),
attended AS (
  SELECT DISTINCT community, year(date) AS year, participant_id
  FROM fact_attendance
  WHERE $1::BOOLEAN OR year(date) IN (SELECT year FROM touched)
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
