-- An incremental run: only the affected persons' first attendances can have moved (a person's
-- first depends on their own rows alone), so only theirs are recomputed. $1..$2 = project period.
DELETE FROM person_first WHERE participant_id IN (SELECT participant_id FROM affected_persons);
INSERT INTO person_first
SELECT participant_id, community, min(date), min(date) FILTER (WHERE date BETWEEN $1::DATE AND $2::DATE)
FROM fact_attendance
WHERE participant_id IN (SELECT participant_id FROM affected_persons)
GROUP BY ALL;
DELETE FROM person_first_anywhere WHERE participant_id IN (SELECT participant_id FROM affected_persons);
INSERT INTO person_first_anywhere
SELECT participant_id, min(first_in_community), min(first_in_period) FROM person_first
WHERE participant_id IN (SELECT participant_id FROM affected_persons)
GROUP BY ALL;
