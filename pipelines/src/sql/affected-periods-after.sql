-- After the facts are applied and first attendances recomputed: the affected persons' new first
-- attendances, and the removal of the affected periods' rows that are about to be recomputed.
INSERT INTO affected_dates
SELECT first_in_community FROM person_first WHERE participant_id IN (SELECT participant_id FROM affected_persons)
UNION
SELECT first_anywhere FROM person_first_anywhere WHERE participant_id IN (SELECT participant_id FROM affected_persons);
DELETE FROM agg_participation
WHERE date_trunc(grain, period_start) IN (SELECT date_trunc(grain, date) FROM affected_dates);
