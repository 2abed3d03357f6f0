-- Keeps this run's regulars and findings of the communities in $1 (NULL: all) in place of the
-- previous ones, including those of communities that no longer have any; drops the run's scratch tables.
DELETE FROM lapsing_regular WHERE $1::VARCHAR[] IS NULL OR community IN (SELECT unnest($1::VARCHAR[]));
INSERT INTO lapsing_regular SELECT * FROM lapsing_regular_now;
DELETE FROM lapsing_finding WHERE $1::VARCHAR[] IS NULL OR community IN (SELECT unnest($1::VARCHAR[]));
INSERT INTO lapsing_finding SELECT * FROM lapsing_finding_now;
DROP TABLE lapsing_regular_now;
DROP TABLE lapsing_finding_now;
DROP TABLE lapsing_activity_now;
DROP TABLE lapsing_activity_lists;
DROP TABLE lapsing_person_lists;
