-- The affected persons' rows in the periods of added_periods (months and quarters lie within
-- their years), with their first attendances before and after: what the per-grain deltas of
-- participation-added are computed from. $1 = the previous watermark; $2..$3 = the days those
-- periods span, as constants so that the scan skips the facts' row groups outside them.
CREATE OR REPLACE TEMP TABLE added_person_rows AS
WITH person_rows AS MATERIALIZED (
  SELECT participant_id, community, type_code, group_code, date, import_batch_id > $1 AS added
  FROM fact_attendance
  WHERE date BETWEEN $2::DATE AND $3::DATE
    AND participant_id IN (SELECT participant_id FROM affected_persons)
)
SELECT r.participant_id, r.community, r.type_code, r.group_code, r.date, r.added,
       p.first_in_community, a.first_anywhere,
       op.first_in_community AS previous_first_in_community, oa.first_anywhere AS previous_first_anywhere
FROM person_rows r
JOIN person_first p USING (participant_id, community)
JOIN person_first_anywhere a USING (participant_id)
LEFT JOIN previous_person_first op USING (participant_id, community)
LEFT JOIN previous_person_first_anywhere oa USING (participant_id)
WHERE date_trunc('year', r.date)::DATE IN (SELECT period_start FROM added_periods WHERE grain = 'year')
   OR date_trunc('week', r.date)::DATE IN (SELECT period_start FROM added_periods WHERE grain = 'week');

-- What participation-added finds, per grain.
CREATE OR REPLACE TEMP TABLE participation_delta (
  grain VARCHAR, period_start DATE, community VARCHAR, breakdown VARCHAR, breakdown_value VARCHAR,
  activities BIGINT, anonymous_attendances BIGINT, named_attendances BIGINT, distinct_participants BIGINT, new_participants BIGINT
);
