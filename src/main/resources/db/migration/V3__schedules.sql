-- Timed and scheduled intercept changes, one row per schedule: the document the scheduler reads and writes, and
-- what pruning needs. A change is a check-and-set under the row's lock (SELECT ... FOR UPDATE), held only for the
-- read and the write, never across a Webex call.
CREATE TABLE schedule (
  id          INTEGER PRIMARY KEY,
  doc         JSONB NOT NULL,
  planned     BOOLEAN NOT NULL,
  last_time   TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX schedule_finished ON schedule (last_time) WHERE NOT planned;

-- The next schedule number: one row, so numbers stay small and a removed newest one is given back.
CREATE TABLE schedule_number (
  id       SMALLINT PRIMARY KEY CHECK (id = 1),
  next_id  INTEGER NOT NULL
);
INSERT INTO schedule_number (id, next_id) VALUES (1, 1);

-- Each item left RUNNING is held by the replica that claimed it until lease_until, renewed while it lives; a
-- replica that finds a lease run out takes the item over (one UPDATE, so one replica gets it) and settles it.
CREATE TABLE schedule_lease (
  schedule_id  INTEGER NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
  location_id  TEXT NOT NULL,
  owner        TEXT NOT NULL,
  lease_until  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (schedule_id, location_id)
);
CREATE INDEX schedule_lease_owner ON schedule_lease (owner);

-- The daily report of forgotten intercepts, claimed per day: one replica posts it.
CREATE TABLE schedule_report (
  day          DATE PRIMARY KEY,
  owner        TEXT NOT NULL,
  lease_until  TIMESTAMPTZ NOT NULL,
  done         BOOLEAN NOT NULL DEFAULT false
);
