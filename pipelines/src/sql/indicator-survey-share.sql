-- Among answers $6–$7 (project.json's likert5 scale) to question $4 of survey $3 between $1 and $2:
-- how many, and how many ≥ $5.
SELECT coalesce(community, 'ALL') AS scope,
       count(*) AS answers,
       count(*) FILTER (WHERE value_number >= $5) AS at_least
FROM fact_survey_answer
WHERE date BETWEEN $1::DATE AND $2::DATE
  AND survey_code = $3 AND question_code = $4
  AND value_number BETWEEN $6 AND $7
GROUP BY ROLLUP (community);
