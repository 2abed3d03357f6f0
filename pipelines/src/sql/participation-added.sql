-- An incremental run whose rows are pure additions (new activities and attendance, nothing
-- corrected): every measure of a period grows by what the added rows bring, so only the keys they
-- touch are rewritten, from the affected persons' rows instead of a rescan of whole periods.
-- $1 = grain, $2 = the previous watermark (facts of later import batches are the added rows).
-- Run person-first-added and participation-added-rows first.
-- A person adds 1 to a key's distinct count when none of their earlier rows fell in it, and
-- moves their "new" from the period of their first attendance as it was to the one as it is.
CREATE OR REPLACE TEMP TABLE participation_delta AS
WITH person_rows AS (
  SELECT participant_id, community, type_code, group_code, added,
         date_trunc($1, date)::DATE AS period_start,
         date_trunc($1, first_in_community) = date_trunc($1, date) AS new_in_community,
         date_trunc($1, first_anywhere) = date_trunc($1, date) AS new_anywhere,
         coalesce(date_trunc($1, previous_first_in_community) = date_trunc($1, date), false) AS was_new_in_community,
         coalesce(date_trunc($1, previous_first_anywhere) = date_trunc($1, date), false) AS was_new_anywhere
  FROM added_person_rows
  WHERE date_trunc($1, date)::DATE IN (SELECT period_start FROM added_periods WHERE grain = $1)
),
-- Per person, period, community and type first (the finest key), then rolled up: fewer rows to
-- group six ways.
cells AS (
  SELECT period_start, participant_id, community, type_code, group_code,
         count(*) FILTER (WHERE added) AS named_added,
         bool_or(NOT added) AS was_active,
         bool_or(new_in_community) AS new_in_community,
         bool_or(new_anywhere) AS new_anywhere,
         bool_or(was_new_in_community AND NOT added) AS was_new_in_community,
         bool_or(was_new_anywhere AND NOT added) AS was_new_anywhere
  FROM person_rows
  GROUP BY ALL
),
-- One row per person and key: what the person counted for before the added rows, and after.
per_person AS (
  SELECT period_start,
         CASE WHEN grouping(community) = 1 THEN 'ALL' ELSE community END AS community,
         CASE WHEN grouping(group_code) = 0 THEN 'group' WHEN grouping(type_code) = 0 THEN 'type' ELSE 'all' END AS breakdown,
         coalesce(group_code, type_code, '') AS breakdown_value,
         sum(named_added) AS named_added,
         bool_or(was_active) AS was_active,
         CASE WHEN grouping(community) = 1 THEN bool_or(new_anywhere) ELSE bool_or(new_in_community) END AS is_new,
         CASE WHEN grouping(community) = 1 THEN bool_or(was_new_anywhere) ELSE bool_or(was_new_in_community) END AS was_new
  FROM cells
  GROUP BY GROUPING SETS (
    (period_start, participant_id, community), (period_start, participant_id),
    (period_start, participant_id, community, group_code), (period_start, participant_id, group_code),
    (period_start, participant_id, community, type_code), (period_start, participant_id, type_code)
  )
),
people AS (
  SELECT period_start, community, breakdown, breakdown_value,
         0 AS activities, 0 AS anonymous_attendances,
         sum(named_added) AS named_attendances,
         count(*) FILTER (WHERE NOT was_active) AS distinct_participants,
         sum(is_new::INTEGER - was_new::INTEGER) AS new_participants
  FROM per_person
  GROUP BY ALL
),
activity_counts AS (
  SELECT date_trunc($1, date)::DATE AS period_start,
         CASE WHEN grouping(community) = 1 THEN 'ALL' ELSE community END AS community,
         CASE WHEN grouping(group_code) = 0 THEN 'group' WHEN grouping(type_code) = 0 THEN 'type' ELSE 'all' END AS breakdown,
         coalesce(group_code, type_code, '') AS breakdown_value,
         count(*) AS activities,
         coalesce(sum(headcount_anonymous), 0) AS anonymous_attendances,
         0 AS named_attendances, 0 AS distinct_participants, 0 AS new_participants
  FROM fact_activity
  WHERE import_batch_id > $2
  GROUP BY GROUPING SETS (
    (date_trunc($1, date), community), (date_trunc($1, date)),
    (date_trunc($1, date), community, group_code), (date_trunc($1, date), group_code),
    (date_trunc($1, date), community, type_code), (date_trunc($1, date), type_code)
  )
)
SELECT period_start, community, breakdown, breakdown_value,
       sum(activities) AS activities, sum(anonymous_attendances) AS anonymous_attendances, sum(named_attendances) AS named_attendances,
       sum(distinct_participants) AS distinct_participants, sum(new_participants) AS new_participants
FROM (SELECT * FROM people UNION ALL BY NAME SELECT * FROM activity_counts)
GROUP BY ALL;

-- The changed keys, whole: their earlier values (none for a new key) plus the deltas.
CREATE OR REPLACE TEMP TABLE participation_changed AS
WITH summed AS (
  SELECT d.period_start, d.community, d.breakdown, d.breakdown_value,
         coalesce(a.activities, 0) + d.activities AS activities,
         coalesce(a.named_attendances, 0) + d.named_attendances AS named_attendances,
         coalesce(a.anonymous_attendances, 0) + d.anonymous_attendances AS anonymous_attendances,
         coalesce(a.distinct_participants, 0) + d.distinct_participants AS distinct_participants,
         coalesce(a.new_participants, 0) + d.new_participants AS new_participants
  FROM participation_delta d
  LEFT JOIN agg_participation a
    ON a.grain = $1 AND a.period_start = d.period_start AND a.community = d.community
   AND a.breakdown = d.breakdown AND a.breakdown_value = d.breakdown_value
)
SELECT $1 AS grain,
       CASE $1
         WHEN 'week' THEN strftime(period_start, '%G-W%V')
         WHEN 'month' THEN strftime(period_start, '%Y-%m')
         WHEN 'quarter' THEN strftime(period_start, '%Y') || '-Q' || quarter(period_start)
         ELSE strftime(period_start, '%Y')
       END AS period,
       period_start, community, breakdown, breakdown_value,
       activities::INTEGER AS activities,
       (named_attendances + anonymous_attendances)::INTEGER AS attendances,
       named_attendances::INTEGER AS named_attendances,
       anonymous_attendances::INTEGER AS anonymous_attendances,
       distinct_participants::INTEGER AS distinct_participants,
       new_participants::INTEGER AS new_participants,
       (distinct_participants - new_participants)::INTEGER AS returning_participants,
       CASE WHEN activities = 0 THEN NULL ELSE round((named_attendances + anonymous_attendances) / activities, 2) END AS turnout
FROM summed;

DELETE FROM agg_participation a USING participation_changed c
WHERE a.grain = c.grain AND a.period_start = c.period_start AND a.community = c.community
  AND a.breakdown = c.breakdown AND a.breakdown_value = c.breakdown_value;

INSERT INTO agg_participation SELECT * FROM participation_changed;
