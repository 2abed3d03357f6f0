-- The persons behind a count of regulars (indicator-distinct-participants.sql): at least $3
-- attendances between $1 and $2 in a community's activities, and in all activities together ('ALL').
SELECT participant_code AS code, community, count(*) AS attendances
FROM fact_attendance
WHERE date BETWEEN $1::DATE AND $2::DATE
GROUP BY participant_id, participant_code, community
HAVING count(*) >= $3
UNION ALL
SELECT participant_code, 'ALL', count(*)
FROM fact_attendance
WHERE date BETWEEN $1::DATE AND $2::DATE
GROUP BY participant_id, participant_code
HAVING count(*) >= $3
ORDER BY community, code;
