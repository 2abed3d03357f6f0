-- After participation-added for every grain: the changed keys, whole (their earlier values, none
-- for a new key, plus the deltas), replace their earlier rows.
CREATE OR REPLACE TEMP TABLE participation_changed AS
WITH summed AS (
  SELECT d.grain, d.period_start, d.community, d.breakdown, d.breakdown_value,
         coalesce(a.activities, 0) + d.activities AS activities,
         coalesce(a.named_attendances, 0) + d.named_attendances AS named_attendances,
         coalesce(a.anonymous_attendances, 0) + d.anonymous_attendances AS anonymous_attendances,
         coalesce(a.distinct_participants, 0) + d.distinct_participants AS distinct_participants,
         coalesce(a.new_participants, 0) + d.new_participants AS new_participants
  FROM participation_delta d
  LEFT JOIN agg_participation a
    ON a.grain = d.grain AND a.period_start = d.period_start AND a.community = d.community
   AND a.breakdown = d.breakdown AND a.breakdown_value = d.breakdown_value
)
SELECT grain,
       CASE grain
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
