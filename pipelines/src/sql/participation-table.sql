CREATE OR REPLACE TABLE agg_participation (
  grain VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  community VARCHAR NOT NULL,
  breakdown VARCHAR NOT NULL,
  breakdown_value VARCHAR NOT NULL,
  activities INTEGER NOT NULL,
  attendances INTEGER NOT NULL,
  named_attendances INTEGER NOT NULL,
  anonymous_attendances INTEGER NOT NULL,
  distinct_participants INTEGER NOT NULL,
  new_participants INTEGER NOT NULL,
  returning_participants INTEGER NOT NULL,
  turnout DOUBLE
);
