-- The participant codes (never names) with attendances between $1 and $2, per community of the
-- activity, with how many.
SELECT participant_code AS code, community, count(*) AS attendances
FROM fact_attendance
WHERE date BETWEEN $1::DATE AND $2::DATE
GROUP BY participant_id, participant_code, community
ORDER BY community, code;
