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
  window_to DATE,
  PRIMARY KEY (code, community, year)
);
