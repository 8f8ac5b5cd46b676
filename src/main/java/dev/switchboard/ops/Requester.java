package dev.switchboard.ops;

import java.util.Locale;
import java.util.Objects;

/**
 * Who sent a command, and from where.
 *
 * @param platform the front end the command came through
 * @param userId the sender's id on that platform (a Webex person id, a Slack user id, an email on the console)
 * @param webexPersonId the sender's Webex person id when the platform knows it, else null
 * @param email the sender's email, lower case
 * @param conversation the room or channel the command was typed in
 * @param messageId the platform's id of the message, for the audit trail; may be null
 */
public record Requester(
    Platform platform, String userId, String webexPersonId, String email, String conversation, String messageId) {

  public Requester {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    email = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    Objects.requireNonNull(conversation, "conversation");
  }

  /** The same requester with the email Webex knows them by (a card press carries none). */
  public Requester withEmail(String email) {
    return new Requester(platform, userId, webexPersonId, email, conversation, messageId);
  }

  /**
   * The front ends a command can arrive through, and {@code SCHEDULER}: a change Switchboard makes on its own for a
   * schedule, in the name of the person who asked for it (their id and email).
   */
  public enum Platform { WEBEX, SLACK, CONSOLE, SCHEDULER }

  /** This person, as the scheduler acting in their name: audited as theirs, with no message of its own. */
  public Requester asScheduler() {
    return new Requester(Platform.SCHEDULER, userId, webexPersonId, email, conversation, null);
  }

  /** Who a confirmation belongs to: one pending change per person per conversation. */
  public String key() {
    return platform + "|" + conversation + "|" + userId;
  }
}
