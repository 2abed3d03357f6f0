-- An incremental run whose rows are pure additions (new activities and attendance, nothing
-- corrected): every measure of a period grows by what the added rows bring, so only the keys they
-- touch are rewritten, from the affected persons' rows instead of a rescan of whole periods.
-- $1 = grain, $2 = the previous watermark (facts of later import batches are the added rows).
-- Run person-first-added and participation-added-rows first, participation-added-apply after.
-- A person adds 1 to a key's distinct count when none of their earlier rows fell in it, and
-- moves their "new" from the period of their first attendance as it was to the one as it is.
INSERT INTO participation_delta
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
SELECT $1 AS grain, period_start, community, breakdown, breakdown_value,
       sum(activities) AS activities, sum(anonymous_attendances) AS anonymous_attendances, sum(named_attendances) AS named_attendances,
       sum(distinct_participants) AS distinct_participants, sum(new_participants) AS new_participants
FROM (SELECT * FROM people UNION ALL BY NAME SELECT * FROM activity_counts)
GROUP BY ALL;
