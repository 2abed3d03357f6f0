-- Register entries marked as leaders whose leader_since lies between $1 and $2, by home community.
SELECT coalesce(home_community, 'ALL') AS scope, count(*) AS value
FROM dim_participant
WHERE leader AND leader_since BETWEEN $1::DATE AND $2::DATE
GROUP BY ROLLUP (home_community);
