-- The register entries behind the leaders' count (indicator-leaders.sql): leader_since between $1
-- and $2, by home community, as codes.
SELECT participant_code AS code, home_community AS community, strftime(leader_since, '%Y-%m-%d') AS leader_since
FROM dim_participant
WHERE leader AND leader_since BETWEEN $1::DATE AND $2::DATE
ORDER BY community, code;
