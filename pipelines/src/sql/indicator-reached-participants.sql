-- Persons with at least one attendance from the project start up to $1: those whose first
-- attendance inside the project period falls on or before it (person_first), per community of
-- the activity and across all communities together.
SELECT community AS scope, count(*) AS value FROM person_first WHERE first_in_period <= $1::DATE GROUP BY ALL
UNION ALL
SELECT 'ALL', count(*) FROM person_first_anywhere WHERE first_in_period <= $1::DATE;
