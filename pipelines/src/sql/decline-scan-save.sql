-- Keeps this run's scan of the series in decline_series_now, with the checkpoints the detector
-- handed over in decline_checkpoint_now, in place of the previous scans of the series asked for
-- ($1 as in decline-series: 'community|group' keys, NULL for all), including any that no longer exist.
DELETE FROM decline_scan WHERE $1::VARCHAR[] IS NULL OR community || '|' || group_code IN (SELECT unnest($1::VARCHAR[]));
INSERT INTO decline_scan
SELECT n.community, n.group_code, n.weeks, n.attendances, n."distinctParticipants", n.activities, c.checkpoint
FROM decline_series_now n
JOIN decline_checkpoint_now c USING (community, group_code);
DROP TABLE decline_checkpoint_now;
DROP TABLE decline_series_now;
