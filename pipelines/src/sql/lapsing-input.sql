-- The person-level test's input, per community (the activity's, as the indicators count it): its
-- activities of complete weeks (a week ending on or after $1, the day of computation, is still
-- running) in date order, numbered from 0, and each person's named attendances as those numbers.
-- An activity kept only as an anonymous head count (an open event without a list) tells nothing
-- of who came: it is no opportunity. $2: only these communities (NULL: all).
CREATE OR REPLACE TEMP TABLE lapsing_activity_now AS
SELECT a.activity_id, a.community, a.group_code, a.date, strftime(a.date, '%G-W%V') AS week,
       (row_number() OVER (PARTITION BY a.community ORDER BY a.date, a.activity_id) - 1)::INTEGER AS position
FROM fact_activity a
WHERE date_trunc('week', a.date) + INTERVAL 6 DAY < $1::DATE
  AND ($2::VARCHAR[] IS NULL OR a.community IN (SELECT unnest($2::VARCHAR[])))
  AND (coalesce(a.headcount_anonymous, 0) = 0 OR EXISTS (SELECT 1 FROM fact_attendance t WHERE t.activity_id = a.activity_id));

-- One row per community: its activities' weeks, groups and dates as lists (far cheaper to hand to
-- JavaScript than a row per activity).
CREATE OR REPLACE TEMP TABLE lapsing_activity_lists AS
SELECT community,
       list(week ORDER BY position) AS weeks,
       list(group_code ORDER BY position) AS groups,
       list(strftime(date, '%Y-%m-%d') ORDER BY position) AS dates
FROM lapsing_activity_now
GROUP BY community;

-- One row per person and community: the positions of the activities they attended, ascending.
CREATE OR REPLACE TEMP TABLE lapsing_person_lists AS
SELECT a.community, t.participant_id, any_value(t.participant_code) AS participant_code, list_sort(list(DISTINCT a.position)) AS positions
FROM fact_attendance t
JOIN lapsing_activity_now a USING (activity_id)
GROUP BY a.community, t.participant_id;

-- Filled by the step, kept by lapsing-save.
CREATE OR REPLACE TEMP TABLE lapsing_regular_now AS SELECT * FROM lapsing_regular LIMIT 0;
CREATE OR REPLACE TEMP TABLE lapsing_finding_now AS SELECT * FROM lapsing_finding LIMIT 0;
