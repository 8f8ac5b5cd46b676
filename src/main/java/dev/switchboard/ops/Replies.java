package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.calling.RateLimitedException;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Reply.Tone;
import java.util.List;
import java.util.stream.Collectors;

/** Reply pieces several operations share: refusals, Webex errors, names in prose. */
public final class Replies {

  /** Lists longer than this end with "... and N more". */
  public static final int LIST_LIMIT = 25;

  private Replies() {}

  /** What every refusal of a right starts with; {@link #isRightRefused} knows it by this. */
  private static final String REFUSED = "You may not ";

  public static Reply denied(String what, String needed) {
    return refusal(what, needed).build();
  }

  /** A refusal to add to: what the requester may do instead, say. */
  static Reply.Builder refusal(String what, String needed) {
    return Reply.of(Tone.DENIED, REFUSED + what + ".").text("This needs " + needed + ".");
  }

  /**
   * Whether a reply refuses a right the requester lacks (made by {@link #denied}), rather than, say, a confirmation
   * that is someone else's: only those get the hint of whom to ask.
   */
  static boolean isRightRefused(Reply reply) {
    return reply.tone() == Tone.DENIED && reply.title().startsWith(REFUSED);
  }

  /**
   * Said at once when Webex asks a single command to wait longer than a minute: "Webex asks me to wait 90 s; I'll
   * try again at 03:12 UTC and answer here." The answer follows in the same thread.
   */
  static Reply waiting(java.time.Duration wait, java.time.Instant retryAt) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT)
        .withZone(java.time.ZoneOffset.UTC).format(retryAt.plusSeconds(59).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    return Reply.note(Tone.INFO, "Webex asks me to wait " + seconds + " s; I'll try again at " + at
        + " UTC and answer here.");
  }

  /** A Webex error in words, with the tracking id support will ask for. */
  static Reply webexError(String what, WebexException e) {
    return Reply.of(Tone.ERROR, "Could not " + what + ".").text(explain(e)).build();
  }

  static String explain(WebexException e) {
    if (e instanceof RateLimitedException limited) {
      return "Webex is rate limiting us — try again in " + Math.max(1, limited.retryAfter().toSeconds()) + " s."
          + trackingSuffix(e);
    }
    if (e.status() == 0) return "Webex could not be reached. Nothing was changed by this step; try again shortly.";
    String words = switch (e.status()) {
      case 400 -> "Webex refused the request as invalid";
      case 401 -> "Webex did not accept Switchboard's credentials";
      case 403 -> "Webex says Switchboard's admin account is not allowed to do this";
      case 404 -> "Webex could not find it";
      case 409 -> "Webex reported a conflict";
      case 423 -> "Webex says it is locked for a moment";
      case 429 -> "Webex is rate limiting us";
      default -> e.status() >= 500 ? "Webex had a problem on its side" : "Webex refused the request";
    };
    StringBuilder text = new StringBuilder(words).append(" (").append(e.status()).append(")");
    String detail = e.webexMessage();
    if (detail == null && !e.descriptions().isEmpty()) detail = e.descriptions().get(0);
    if (detail != null && !detail.isBlank()) text.append(": ").append(detail);
    if (!e.errorCodes().isEmpty()) {
      text.append(" (Webex error ").append(String.join(", ", e.errorCodes().stream().map(String::valueOf).toList()))
          .append(')');
    }
    return text.append('.').append(trackingSuffix(e)).toString();
  }

  /**
   * What went wrong with a write whose answer was lost (no answer, or a server error) — in words that claim nothing
   * about whether it was applied: only a read can tell that.
   */
  static String unanswered(WebexException e) {
    String words = e.status() == 0 ? "Webex did not answer" : "Webex had a problem on its side (" + e.status() + ")";
    return words + trackingSuffix(e);
  }

  private static String trackingSuffix(WebexException e) {
    return e.trackingId() == null ? "" : " Tracking ID: `" + e.trackingId() + "`";
  }

  /**
   * The words a sentence may start with that are no name: after a colon they go lower case. A closed list, since a
   * capital alone cannot tell "The end" from "Denver" or "HQ", whose capitals must stay.
   */
  private static final java.util.Set<String> OPENERS = java.util.Set.of("The", "A", "An", "From", "Until", "It",
      "Its", "This", "That", "These", "There", "No", "Nothing", "Each", "Every", "All", "Some", "Your", "You");

  /**
   * "Nothing was changed or planned: the end, …, has passed.": a lead-in and the sentence that says why, joined with
   * a colon. The sentence reads on from the lead-in, so an opening word such as "The" loses its capital; a name, a
   * number or a literal keeps its own. The sentence stays capitalised wherever it stands alone (a list of problems).
   */
  public static String because(String leadIn, String sentence) {
    int space = sentence.indexOf(' ');
    String first = space < 0 ? sentence : sentence.substring(0, space);
    String rest = OPENERS.contains(first)
        ? Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1)
        : sentence;
    return leadIn + ": " + rest;
  }

  public static String names(List<Location> locations) {
    return prose(locations.stream().map(l -> Reply.literal(l.name())).toList());
  }

  /** "A", "A and B", "A, B and C". */
  public static String prose(List<String> items) {
    if (items.isEmpty()) return "";
    if (items.size() == 1) return items.get(0);
    return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", "))
        + " and " + items.get(items.size() - 1);
  }

  /** "A", "A or B", "A, B or C". */
  public static String alternatives(List<String> items) {
    if (items.size() <= 1) return prose(items);
    return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", "))
        + " or " + items.get(items.size() - 1);
  }

  public static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The answer to a write step that changed nothing, or may not have: {@code what} is e.g. "intercept at HQ". */
  public static Reply failed(String what, WriteStep.Result.Failed<?> failed) {
    return switch (failed.reason()) {
      case READ -> webexError("read " + what, failed.cause());
      case WRITE -> webexError("change " + what, failed.cause());
      case UNWRITABLE -> Reply.of(Tone.WARNING, because("Nothing was changed", what + " stays as it is."))
          .text(failed.problem()).build();
      case NOT_RECORDED -> Reply.of(Tone.ERROR, failed.problem())
          .text("Please tell your Switchboard operator: the data directory cannot be written.").build();
      case UNKNOWN -> Reply.of(Tone.WARNING, "I could not tell whether " + what + " changed.")
          .text(failed.problem()).toEveryone().build();
    };
  }
}
