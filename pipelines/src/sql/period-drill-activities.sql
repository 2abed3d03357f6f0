-- The activities held between $1 and $2 (a reporting period's window), by the organizer's id, with
-- their named attendances (rows of the list) and anonymous head count.
WITH named AS (
  SELECT activity_id, count(*) AS named FROM fact_attendance
  WHERE date BETWEEN $1::DATE AND $2::DATE
  GROUP BY ALL
)
SELECT a.external_id AS activity_id, strftime(a.date, '%Y-%m-%d') AS date, a.community, a.type_code, a.group_code,
       coalesce(n.named, 0) AS named, coalesce(a.headcount_anonymous, 0) AS anonymous,
       coalesce(a.resident_initiative, false) AS resident_initiative
FROM fact_activity a
LEFT JOIN named n USING (activity_id)
WHERE a.date BETWEEN $1::DATE AND $2::DATE
ORDER BY a.date, a.external_id, a.activity_id;
