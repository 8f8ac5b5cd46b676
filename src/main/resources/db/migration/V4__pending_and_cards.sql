-- Previews waiting for their requester's yes, one per person per conversation (key): whichever replica takes the
-- yes deletes the row naming the preview's id, in one statement, so a confirm pressed on two replicas applies once.
CREATE TABLE pending_confirmation (
  key           TEXT PRIMARY KEY,
  id            TEXT NOT NULL,
  platform      TEXT NOT NULL,
  conversation  TEXT NOT NULL,
  created       TIMESTAMPTZ NOT NULL,
  pending       JSONB NOT NULL
);
CREATE INDEX pending_confirmation_conversation ON pending_confirmation (platform, conversation);

-- The Webex cards the bot posted, so a button press reaching any replica is checked against what was posted.
CREATE TABLE posted_card (
  message_id   TEXT PRIMARY KEY,
  room_id      TEXT NOT NULL,
  thread_root  TEXT NOT NULL,
  posted_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX posted_card_posted_at ON posted_card (posted_at);
