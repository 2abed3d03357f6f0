-- The indicator values of the run an incremental run builds on, with the windows they measured.
SELECT code, community, year, value,
       strftime(window_from, '%Y-%m-%d') AS window_from, strftime(window_to, '%Y-%m-%d') AS window_to
FROM indicator_value;
