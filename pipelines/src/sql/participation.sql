-- Persons are counted by participant_id (one id per code): integers hash far faster than text.
-- Participation per period of one grain ($1: 'week' (ISO, Monday), 'month', 'quarter', 'year'),
-- per community and ALL, in total and by activity group and type. Europe/Warsaw civil dates.
-- $4 = true computes every period; false only the periods holding a date of affected_dates
-- (an incremental run: the rest of agg_participation is still right).
-- new: the person's first attendance ever in that scope (the community, or anywhere for ALL)
-- falls in the period; returning: active in the period and active in that scope before it.
-- An incremental run: periods outside the grid (a corrected activity was its first or last day) go.
DELETE FROM agg_participation
WHERE NOT $4::BOOLEAN AND grain = $1
  AND period_start NOT BETWEEN date_trunc($1, least($2::DATE, coalesce((SELECT min(date) FROM fact_activity), $2::DATE)))
                           AND date_trunc($1, greatest($3::DATE, coalesce((SELECT max(date) FROM fact_activity), $3::DATE)));

INSERT INTO agg_participation
WITH first_seen AS (
  SELECT f.participant_id, f.community, p.first_in_community, a.first_anywhere, f.date, f.type_code, f.group_code
  FROM fact_attendance f
  JOIN person_first p USING (participant_id, community)
  JOIN person_first_anywhere a USING (participant_id)
  WHERE $4::BOOLEAN OR date_trunc($1, f.date) IN (SELECT date_trunc($1, date) FROM affected_dates)
),
people AS (
  SELECT date_trunc($1, date)::DATE AS period_start,
         CASE WHEN grouping(community) = 1 THEN 'ALL' ELSE community END AS community,
         CASE WHEN grouping(group_code) = 0 THEN 'group' WHEN grouping(type_code) = 0 THEN 'type' ELSE 'all' END AS breakdown,
         coalesce(group_code, type_code, '') AS breakdown_value,
         count(*) AS named_attendances,
         count(DISTINCT participant_id) AS distinct_participants,
         count(DISTINCT participant_id) FILTER (WHERE date_trunc($1, first_in_community) = date_trunc($1, date)) AS new_in_community,
         count(DISTINCT participant_id) FILTER (WHERE date_trunc($1, first_anywhere) = date_trunc($1, date)) AS new_anywhere
  FROM first_seen
  GROUP BY GROUPING SETS (
    (date_trunc($1, date), community), (date_trunc($1, date)),
    (date_trunc($1, date), community, group_code), (date_trunc($1, date), group_code),
    (date_trunc($1, date), community, type_code), (date_trunc($1, date), type_code)
  )
),
activity_counts AS (
  SELECT date_trunc($1, date)::DATE AS period_start,
         CASE WHEN grouping(community) = 1 THEN 'ALL' ELSE community END AS community,
         CASE WHEN grouping(group_code) = 0 THEN 'group' WHEN grouping(type_code) = 0 THEN 'type' ELSE 'all' END AS breakdown,
         coalesce(group_code, type_code, '') AS breakdown_value,
         count(*) AS activities,
         sum(headcount_anonymous) AS anonymous_attendances
  FROM fact_activity
  WHERE $4::BOOLEAN OR date_trunc($1, date) IN (SELECT date_trunc($1, date) FROM affected_dates)
  GROUP BY GROUPING SETS (
    (date_trunc($1, date), community), (date_trunc($1, date)),
    (date_trunc($1, date), community, group_code), (date_trunc($1, date), group_code),
    (date_trunc($1, date), community, type_code), (date_trunc($1, date), type_code)
  )
),
-- Every period of the project (and of the data) for every scope, so that quiet periods are zeros.
grid AS (
  SELECT s.community, 'all' AS breakdown, '' AS breakdown_value, CAST(p.period_start AS DATE) AS period_start
  FROM (SELECT community FROM dim_community UNION ALL SELECT 'ALL') s,
       range(
         date_trunc($1, least($2::DATE, coalesce((SELECT min(date) FROM fact_activity), $2::DATE))),
         date_trunc($1, greatest($3::DATE, coalesce((SELECT max(date) FROM fact_activity), $3::DATE))) + ('1 ' || $1)::INTERVAL,
         ('1 ' || $1)::INTERVAL
       ) AS p(period_start)
  -- An incremental run adds the quiet periods the grid gained without recomputing the others.
  WHERE $4::BOOLEAN
     OR date_trunc($1, p.period_start) IN (SELECT date_trunc($1, date) FROM affected_dates)
     OR NOT EXISTS (SELECT 1 FROM agg_participation x WHERE x.grain = $1 AND x.breakdown = 'all' AND x.community = s.community AND x.period_start = CAST(p.period_start AS DATE))
),
keys AS (
  SELECT community, breakdown, breakdown_value, period_start FROM grid
  UNION
  SELECT community, breakdown, breakdown_value, period_start FROM people
  UNION
  SELECT community, breakdown, breakdown_value, period_start FROM activity_counts
)
SELECT $1 AS grain,
       CASE $1
         WHEN 'week' THEN strftime(k.period_start, '%G-W%V')
         WHEN 'month' THEN strftime(k.period_start, '%Y-%m')
         WHEN 'quarter' THEN strftime(k.period_start, '%Y') || '-Q' || quarter(k.period_start)
         ELSE strftime(k.period_start, '%Y')
       END AS period,
       k.period_start,
       k.community,
       k.breakdown,
       k.breakdown_value,
       coalesce(a.activities, 0)::INTEGER AS activities,
       (coalesce(p.named_attendances, 0) + coalesce(a.anonymous_attendances, 0))::INTEGER AS attendances,
       coalesce(p.named_attendances, 0)::INTEGER AS named_attendances,
       coalesce(a.anonymous_attendances, 0)::INTEGER AS anonymous_attendances,
       coalesce(p.distinct_participants, 0)::INTEGER AS distinct_participants,
       coalesce(CASE WHEN k.community = 'ALL' THEN p.new_anywhere ELSE p.new_in_community END, 0)::INTEGER AS new_participants,
       (coalesce(p.distinct_participants, 0) - coalesce(CASE WHEN k.community = 'ALL' THEN p.new_anywhere ELSE p.new_in_community END, 0))::INTEGER AS returning_participants,
       CASE WHEN coalesce(a.activities, 0) = 0 THEN NULL
            ELSE round((coalesce(p.named_attendances, 0) + coalesce(a.anonymous_attendances, 0)) / a.activities, 2)
       END AS turnout
FROM keys k
LEFT JOIN people p USING (community, breakdown, breakdown_value, period_start)
LEFT JOIN activity_counts a USING (community, breakdown, breakdown_value, period_start);
