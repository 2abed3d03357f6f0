-- The previous scan of each series in decline_series_now (none for a series not scanned before).
SELECT p.community, p.group_code, p.weeks, p.attendances, p."distinctParticipants", p.activities, p.checkpoint
FROM decline_scan p
JOIN decline_series_now n USING (community, group_code);
