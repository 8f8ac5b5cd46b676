-- The newest Webex refresh token: one row, replaced by whichever replica exchanged it last (under an advisory
-- lock, so two never spend one token).
CREATE TABLE refresh_token (
  id          SMALLINT PRIMARY KEY CHECK (id = 1),
  token       TEXT NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
