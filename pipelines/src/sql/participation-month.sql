-- Participation per community (and ALL) and month, Europe/Warsaw calendar (dates are civil).
-- $1 = project period start, $2 = project period end (DATE).
-- new: first attendance ever in that scope falls in the month; returning: active in the month
-- and active in that scope before it; cumulative: distinct persons reached from the project
-- start up to the month's end (what P1 counts).
CREATE OR REPLACE TABLE agg_participation_month AS
WITH scopes AS (
  SELECT community FROM dim_community UNION ALL SELECT 'ALL'
),
activity_scoped AS (
  SELECT community, date_trunc('month', date) AS month, headcount_anonymous FROM fact_activity
  UNION ALL
  SELECT 'ALL', date_trunc('month', date), headcount_anonymous FROM fact_activity
),
attendance_scoped AS (
  SELECT community, participant_id, date FROM fact_attendance
  UNION ALL
  SELECT 'ALL', participant_id, date FROM fact_attendance
),
first_seen AS (
  SELECT community, participant_id, date_trunc('month', min(date)) AS first_month
  FROM attendance_scoped GROUP BY ALL
),
first_in_period AS (
  SELECT community, participant_id, date_trunc('month', min(date)) AS first_month
  FROM attendance_scoped WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY ALL
),
month_grid AS (
  SELECT s.community, CAST(m.month AS DATE) AS month
  FROM scopes s,
       range(
         date_trunc('month', least($1::DATE, coalesce((SELECT min(date) FROM fact_activity), $1::DATE))),
         date_trunc('month', greatest($2::DATE, coalesce((SELECT max(date) FROM fact_activity), $2::DATE))) + INTERVAL 1 MONTH,
         INTERVAL 1 MONTH
       ) AS m(month)
),
activity_month AS (
  SELECT community, month, count(*) AS activities, sum(headcount_anonymous) AS anonymous_attendances
  FROM activity_scoped GROUP BY ALL
),
attendance_month AS (
  SELECT a.community,
         date_trunc('month', a.date) AS month,
         count(*) AS named_attendances,
         count(DISTINCT a.participant_id) AS distinct_participants
  FROM attendance_scoped a GROUP BY ALL
),
person_month AS (
  SELECT DISTINCT a.community, date_trunc('month', a.date) AS month, a.participant_id, f.first_month
  FROM attendance_scoped a JOIN first_seen f USING (community, participant_id)
),
new_returning AS (
  SELECT community, month,
         count(*) FILTER (WHERE first_month = month) AS new_participants,
         count(*) FILTER (WHERE first_month < month) AS returning_participants
  FROM person_month GROUP BY ALL
),
reached AS (
  SELECT community, first_month AS month, count(*) AS newly_reached FROM first_in_period GROUP BY ALL
)
SELECT g.community,
       strftime(g.month, '%Y-%m') AS period,
       coalesce(am.activities, 0)::INTEGER AS activities,
       (coalesce(tm.named_attendances, 0) + coalesce(am.anonymous_attendances, 0))::INTEGER AS attendances,
       coalesce(tm.named_attendances, 0)::INTEGER AS named_attendances,
       coalesce(am.anonymous_attendances, 0)::INTEGER AS anonymous_attendances,
       coalesce(tm.distinct_participants, 0)::INTEGER AS distinct_participants,
       coalesce(nr.new_participants, 0)::INTEGER AS new_participants,
       coalesce(nr.returning_participants, 0)::INTEGER AS returning_participants,
       (sum(coalesce(r.newly_reached, 0)) OVER (PARTITION BY g.community ORDER BY g.month))::INTEGER AS cumulative_participants,
       CASE WHEN coalesce(am.activities, 0) = 0 THEN NULL
            ELSE round((coalesce(tm.named_attendances, 0) + coalesce(am.anonymous_attendances, 0)) / am.activities, 2)
       END AS turnout
FROM month_grid g
LEFT JOIN activity_month am ON am.community = g.community AND am.month = g.month
LEFT JOIN attendance_month tm ON tm.community = g.community AND tm.month = g.month
LEFT JOIN new_returning nr ON nr.community = g.community AND nr.month = g.month
LEFT JOIN reached r ON r.community = g.community AND r.month = g.month
ORDER BY g.community, g.month;
