-- One row per indicator, scope and year (unique by construction). No primary key: its index
-- cost more to build each run than it saves on a table of a few thousand rows.
CREATE OR REPLACE TABLE indicator_value (
  code VARCHAR NOT NULL,
  community VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  value DOUBLE,
  target DOUBLE,
  baseline DOUBLE,
  expected DOUBLE,
  achievement DOUBLE,
  status VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  window_from DATE,
  window_to DATE
);
