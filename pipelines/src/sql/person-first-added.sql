-- An incremental run of pure additions: a first attendance can only move earlier, to a day of
-- the added rows (facts of import batches after $1, the previous watermark); $2..$3 = project period.
CREATE OR REPLACE TEMP TABLE added_first AS
SELECT participant_id, community, min(date) AS first_in_community,
       min(date) FILTER (WHERE date BETWEEN $2::DATE AND $3::DATE) AS first_in_period
FROM fact_attendance WHERE import_batch_id > $1 GROUP BY ALL;
CREATE OR REPLACE TEMP TABLE added_first_anywhere AS
SELECT participant_id, min(first_in_community) AS first_anywhere, min(first_in_period) AS first_in_period
FROM added_first GROUP BY ALL;
DELETE FROM person_first p USING added_first a WHERE p.participant_id = a.participant_id AND p.community = a.community;
INSERT INTO person_first
SELECT a.participant_id, a.community, least(a.first_in_community, p.first_in_community), least(a.first_in_period, p.first_in_period)
FROM added_first a LEFT JOIN previous_person_first p USING (participant_id, community);
DELETE FROM person_first_anywhere p USING added_first_anywhere a WHERE p.participant_id = a.participant_id;
INSERT INTO person_first_anywhere
SELECT a.participant_id, least(a.first_anywhere, p.first_anywhere), least(a.first_in_period, p.first_in_period)
FROM added_first_anywhere a LEFT JOIN previous_person_first_anywhere p USING (participant_id);

-- The periods whose figures the added rows change, per grain: those of the added rows' days,
-- and those a moved first attendance was in before (they lose a "new" participant).
CREATE OR REPLACE TEMP TABLE added_periods AS
WITH days AS (
  SELECT date FROM staged_dates
  UNION
  SELECT p.first_in_community FROM previous_person_first p JOIN added_first a USING (participant_id, community)
  WHERE a.first_in_community < p.first_in_community
  UNION
  SELECT p.first_anywhere FROM previous_person_first_anywhere p JOIN added_first_anywhere a USING (participant_id)
  WHERE a.first_anywhere < p.first_anywhere
)
SELECT DISTINCT g.grain, date_trunc(g.grain, d.date)::DATE AS period_start
FROM days d, (VALUES ('week'), ('month'), ('quarter'), ('year')) g(grain);
