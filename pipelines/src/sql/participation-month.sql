-- Participation per community (and ALL) and month for the overview chart: the month rows of
-- agg_participation (build it first) with the persons reached from the project start up to
-- each month's end (what P1 counts: the first attendance inside the project period, kept in
-- person_first).
DELETE FROM agg_participation_month;
INSERT INTO agg_participation_month
WITH reached AS (
  SELECT community, date_trunc('month', first_in_period) AS month FROM person_first WHERE first_in_period IS NOT NULL
  UNION ALL
  SELECT 'ALL', date_trunc('month', first_in_period) FROM person_first_anywhere WHERE first_in_period IS NOT NULL
),
reached_by_month AS (
  SELECT community, month, count(*) AS newly_reached FROM reached GROUP BY ALL
)
SELECT a.community,
       a.period,
       a.activities,
       a.attendances,
       a.named_attendances,
       a.anonymous_attendances,
       a.distinct_participants,
       a.new_participants,
       a.returning_participants,
       (sum(coalesce(r.newly_reached, 0)) OVER (PARTITION BY a.community ORDER BY a.period_start))::INTEGER AS cumulative_participants,
       a.turnout
FROM agg_participation a
LEFT JOIN reached_by_month r ON r.community = a.community AND r.month = a.period_start
WHERE a.grain = 'month' AND a.breakdown = 'all'
ORDER BY a.community, a.period_start;
