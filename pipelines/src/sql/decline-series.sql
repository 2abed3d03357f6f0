-- Weekly series for the decline detection, into decline_series_now: each community in total ('' group)
-- and per activity group, every week of the grid (zeros where nothing happened), complete weeks
-- only (a week ending on or after $1, the day of computation, is still running). $2: only these
-- series, as 'community|group' (NULL: all). One row per series, its weeks as lists: far cheaper
-- to hand to JavaScript than a row per week, and kept as decline_scan for the next run.
CREATE OR REPLACE TEMP TABLE decline_series_now AS
WITH weeks AS (
  SELECT community, period, period_start FROM agg_participation
  WHERE grain = 'week' AND breakdown = 'all' AND community <> 'ALL' AND period_start + INTERVAL 6 DAY < $1::DATE
    AND ($2::VARCHAR[] IS NULL OR community || '|' IN (SELECT unnest($2::VARCHAR[])))
),
groups AS (SELECT DISTINCT group_code FROM dim_activity_type),
series AS (
  SELECT w.community, '' AS group_code, w.period AS week, a.attendances, a.distinct_participants, a.activities
  FROM weeks w
  JOIN agg_participation a ON a.grain = 'week' AND a.breakdown = 'all' AND a.community = w.community AND a.period_start = w.period_start
  UNION ALL
  SELECT w.community, g.group_code, w.period, coalesce(a.attendances, 0), coalesce(a.distinct_participants, 0), coalesce(a.activities, 0)
  FROM weeks w
  CROSS JOIN groups g
  LEFT JOIN agg_participation a
    ON a.grain = 'week' AND a.breakdown = 'group' AND a.breakdown_value = g.group_code AND a.community = w.community AND a.period_start = w.period_start
),
-- Sorted after aggregating: list(… ORDER BY …) needs far more memory for thousands of series.
weeks_sorted AS (
  SELECT community, group_code,
         list_sort(list({'week': week, 'attendances': attendances, 'distinct': distinct_participants, 'activities': activities})) AS s
  FROM series
  WHERE $2::VARCHAR[] IS NULL OR community || '|' || group_code IN (SELECT unnest($2::VARCHAR[]))
  GROUP BY community, group_code
)
SELECT community, group_code,
       [w.week FOR w IN s] AS weeks,
       [w.attendances FOR w IN s] AS attendances,
       [w.distinct FOR w IN s] AS "distinctParticipants",
       [w.activities FOR w IN s] AS activities
FROM weeks_sorted;

-- Filled by the detector: the checkpoint of each series' scan (decline-scan-save keeps both).
CREATE OR REPLACE TEMP TABLE decline_checkpoint_now (community VARCHAR, group_code VARCHAR, checkpoint VARCHAR);
