package dev.switchboard.ops;

/**
 * One message that follows long work where it was asked: the first {@link #show} posts it, each later one edits it
 * in place (Webex {@code PUT /messages/{id}}, Slack {@code chat.update}). It must not throw: progress is a courtesy,
 * the outcome is answered and audited all the same.
 */
@FunctionalInterface
public interface Progress {

  void show(Reply reply);

  /** Shows nothing: for a platform that cannot edit, or a requester no announcer serves. */
  Progress NONE = reply -> {};
}
