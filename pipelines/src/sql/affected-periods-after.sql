-- After the facts are applied and first attendances recomputed: the days whose periods change
-- (the staged rows' days, the affected persons' first attendances as they were and as they are
-- now), and the removal of those periods' rows, which are about to be recomputed.
INSERT INTO affected_dates
SELECT date FROM staged_dates
UNION
SELECT first_in_community FROM previous_person_first
UNION
SELECT first_anywhere FROM previous_person_first_anywhere
UNION
SELECT first_in_community FROM person_first WHERE participant_id IN (SELECT participant_id FROM affected_persons)
UNION
SELECT first_anywhere FROM person_first_anywhere WHERE participant_id IN (SELECT participant_id FROM affected_persons);
DELETE FROM agg_participation
WHERE date_trunc(grain, period_start) IN (SELECT date_trunc(grain, date) FROM affected_dates);
