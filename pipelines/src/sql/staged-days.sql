-- The days of the rows an incremental run added or corrected (a corrected activity's old day too).
SELECT DISTINCT strftime(date, '%Y-%m-%d') AS day FROM staged_dates WHERE date IS NOT NULL ORDER BY day;
