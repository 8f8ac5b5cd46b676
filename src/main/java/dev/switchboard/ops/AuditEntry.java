package dev.switchboard.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log: who asked what, where, and what Webex looked like before and after.
 *
 * @param id unique id of this entry
 * @param batch groups the entries of one command (one per location of a bulk change)
 * @param time when the outcome was known
 * @param platform where the command came from (WEBEX, SLACK, CONSOLE, SCHEDULER)
 * @param requesterId the requester's id on that platform
 * @param requesterEmail the requester's email
 * @param conversation the room or channel
 * @param messageId the platform's message id, so a redelivery is recognised after a restart
 * @param command what the requester typed
 * @param action what was done, e.g. {@code intercept.change}, {@code transfer.change}, {@code undo}, {@code denied}
 * @param targetType {@code location} or {@code person}, when there is a target
 * @param targetId the Webex id of the target
 * @param targetName the target's name as shown to people
 * @param before the Webex settings read before the change
 * @param after the Webex settings read back after it
 * @param outcome how it ended
 * @param detail a sentence for people: the refusal, the error, the reason for skipping
 * @param trackingIds Webex tracking ids of the writes
 * @param undoes for an undo: the batch it reverts
 * @param intent for the outcome of a Webex write: the id of the intent entry written before it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
    String id, String batch, Instant time, String platform, String requesterId, String requesterEmail,
    String conversation, String messageId, String command, String action, String targetType, String targetId,
    String targetName, JsonNode before, JsonNode after, Outcome outcome, String detail, List<String> trackingIds,
    String undoes, String intent) {

  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    trackingIds = trackingIds == null ? List.of() : List.copyOf(trackingIds);
  }

  /**
   * How an audited request ended. {@code INTENDED} is not an end: it is written, and forced to disk, before a Webex
   * write, so that a write whose outcome was never recorded (a crash, a lost answer) is found and settled.
   */
  public enum Outcome { INTENDED, APPLIED, FAILED, DENIED, SKIPPED }

  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }

  /** Whether this is an intent: a Webex write about to happen, whose outcome entry names it. */
  public boolean intended() {
    return outcome == Outcome.INTENDED;
  }
}
