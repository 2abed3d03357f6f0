-- Keeps this run's scan of the series in decline_series_now, with the checkpoints the detector
-- handed over in decline_checkpoint_now, in place of the previous one.
DELETE FROM decline_scan d USING decline_series_now n WHERE d.community = n.community AND d.group_code = n.group_code;
INSERT INTO decline_scan
SELECT n.community, n.group_code, n.weeks, n.attendances, n."distinctParticipants", n.activities, c.checkpoint
FROM decline_series_now n
JOIN decline_checkpoint_now c USING (community, group_code);
DROP TABLE decline_checkpoint_now;
DROP TABLE decline_series_now;
