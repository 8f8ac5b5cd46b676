-- The audit trail: every change, refusal, intent and outcome, in the order they were written. Append-only: the
-- trigger below refuses UPDATE and DELETE, so the database's own backup is the audit's backup.
CREATE TABLE audit_entry (
  seq        BIGSERIAL PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  time       TIMESTAMPTZ NOT NULL,
  intended   BOOLEAN NOT NULL,
  intent     TEXT,
  entry      JSONB NOT NULL
);
-- The restart reconciliation looks for intents that no outcome names.
CREATE INDEX audit_entry_intent ON audit_entry (intent) WHERE intent IS NOT NULL;
CREATE INDEX audit_entry_open ON audit_entry (seq) WHERE intended;

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

-- Deliveries already taken (Webex message ids, Slack event ids) within the replay window: whichever replica
-- inserts the row first runs the command; every other replica, and every redelivery, finds it there.
CREATE TABLE delivery (
  source     TEXT NOT NULL,
  id         TEXT NOT NULL,
  seen_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (source, id)
);
CREATE INDEX delivery_seen_at ON delivery (seen_at);
