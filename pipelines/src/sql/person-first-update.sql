-- An incremental run: only the affected persons' first attendances can have moved (a person's
-- first depends on their own rows alone), so only theirs are recomputed.
DELETE FROM person_first WHERE participant_id IN (SELECT participant_id FROM affected_persons);
INSERT INTO person_first
SELECT participant_id, community, min(date) FROM fact_attendance
WHERE participant_id IN (SELECT participant_id FROM affected_persons)
GROUP BY ALL;
DELETE FROM person_first_anywhere WHERE participant_id IN (SELECT participant_id FROM affected_persons);
INSERT INTO person_first_anywhere
SELECT participant_id, min(first_in_community) FROM person_first
WHERE participant_id IN (SELECT participant_id FROM affected_persons)
GROUP BY ALL;
