-- Each person's last command in a conversation, for a follow-up ("same for Denver", "make it 2 hours") that may
-- reach another replica than the command before it: one line per person, conversation and kind, kept 30 minutes.
CREATE TABLE follow_up (
  key      TEXT NOT NULL,
  kind     TEXT NOT NULL,
  line     TEXT NOT NULL,
  subject  TEXT,
  said_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (key, kind)
);
CREATE INDEX follow_up_said_at ON follow_up (said_at);
