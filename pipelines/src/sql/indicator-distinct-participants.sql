-- Persons with at least $3 attendances between $1 and $2: per community of the activity,
-- and across all communities together (a person counts once in ALL).
WITH per_community AS (
  SELECT community, participant_id FROM fact_attendance
  WHERE date BETWEEN $1::DATE AND $2::DATE
  GROUP BY ALL HAVING count(*) >= $3
),
whole_project AS (
  SELECT participant_id FROM fact_attendance
  WHERE date BETWEEN $1::DATE AND $2::DATE
  GROUP BY ALL HAVING count(*) >= $3
)
SELECT community AS scope, count(*) AS value FROM per_community GROUP BY ALL
UNION ALL
SELECT 'ALL', count(*) FROM whole_project;
