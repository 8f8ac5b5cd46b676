package dev.switchboard.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.chat.Rejections;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Requester;
import dev.switchboard.ops.Operations;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes verified Slack requests: ignores bots and edits, and hands each command to the shared {@link Inbox}
 * (redeliveries dropped, the pool, the busy notice) — find out who the Slack user is in Webex (by email), run
 * the command, answer through the {@code response_url} or in the thread.
 */
public final class SlackInbox {

  private static final Logger log = LoggerFactory.getLogger(SlackInbox.class);

  static final String NO_EMAIL = "Switchboard cannot see an email address on your Slack profile, so it cannot "
      + "tell who you are in Webex; you may run nothing here. (Your Slack admin can check that your profile "
      + "has an email and that the app has the users:read.email scope.)";

  private final SlackClient slack;
  private final Operations operations;
  private final Inbox inbox;
  private final SlackTrust trust;
  private final Rejections rejections;

  public SlackInbox(SlackClient slack, Operations operations, Inbox inbox, SlackTrust trust, Rejections rejections) {
    this.slack = slack;
    this.operations = operations;
    this.inbox = inbox;
    this.trust = trust;
    this.rejections = rejections;
  }

  /**
   * Why a signed request is not ours to act on — another workspace, or a {@code response_url} off Slack's hosts —
   * counted; or null when it is.
   */
  private Rejections.Reason foreign(String teamId, String enterpriseId, String responseUrl) {
    Rejections.Reason reason = !trust.ourWorkspace(teamId, enterpriseId) ? Rejections.Reason.FOREIGN_WORKSPACE
        : responseUrl != null && !trust.responseUrlAllowed(responseUrl) ? Rejections.Reason.FOREIGN_RESPONSE_URL
        : null;
    if (reason != null) rejections.count(reason);
    return reason;
  }

  /**
   * A slash command: started on the pool, {@link Fate#BUSY} for the acknowledgement to say so, or
   * {@link Fate#REFUSED} when it comes from another workspace or names a foreign {@code response_url}.
   */
  public Fate command(SlashCommand command) {
    return admit(command).start();
  }

  /**
   * As {@link #command}, the command held until {@link Inbox.Admission#start()}: the request's own answer goes to
   * Slack first. The caller must start it, in a {@code finally}.
   */
  public Inbox.Admission admit(SlashCommand command) {
    if (foreign(command.teamId(), command.enterpriseId(), command.responseUrl()) != null) {
      return Inbox.Admission.of(Fate.REFUSED);
    }
    // Slack does not retry a slash command, but a proxy in between may: the same trigger runs once.
    return inbox.admitAnswered(command.triggerId() == null ? null : "slack:" + command.triggerId(), () -> {
      Ran ran = run(command.userId(), command.channelId(), command.triggerId(), command.text());
      respond(command.responseUrl(), ran, null, command.triggerId());
    }, place(command.channelId(), command.userId()), refused -> respond(command.responseUrl(),
        new Ran(null, Reply.note(Reply.Tone.WARNING, Inbox.busy(refused))), null, command.triggerId()));
  }

  /** An {@code app_mention} or a direct message; anything else, bots' messages and redeliveries are dropped. */
  public Fate event(EventEnvelope envelope) {
    EventEnvelope.Event event = envelope.event();
    if (!envelope.isEventCallback() || event == null) return Fate.IGNORED;
    if (foreign(envelope.teamId(), envelope.enterpriseId(), null) != null) return Fate.REFUSED;
    boolean mention = "app_mention".equals(event.type());
    boolean direct = "message".equals(event.type()) && "im".equals(event.channelType());
    if (!mention && !direct) return Fate.IGNORED;
    String botUserId = envelope.botUserId();
    if (event.botId() != null || "bot_message".equals(event.subtype())
        || (botUserId != null && botUserId.equals(event.user()))) {
      return Fate.FROM_BOT;
    }
    // Edits, deletions, joins and the like carry a subtype: they are not commands.
    if (event.subtype() != null || event.user() == null || event.channel() == null) return Fate.IGNORED;
    String thread = event.threadTs() != null ? event.threadTs() : event.ts();
    String said = mention || botUserId != null ? SlackText.stripLeadingMention(event.text(), botUserId) : event.text();
    // In a channel, an answer only the requester needs (a look-up, a refusal, a preview) is theirs alone,
    // unless they asked to share it; a change is announced to the channel as ever.
    Sharing sharing = mention && !direct ? Sharing.of(said) : Sharing.everyone(said);
    return inbox.take("slack:" + envelope.eventId(), () -> {
      Ran ran = run(event.user(), event.channel(), envelope.eventId(), sharing.text());
      answer(event.channel(), event.user(), thread, event.threadTs(), ran, sharing, envelope.eventId());
    }, place(event.channel(), event.user()), refused -> answer(event.channel(), event.user(), thread,
        event.threadTs(), new Ran(null, Reply.note(Reply.Tone.WARNING, Inbox.busy(refused))), sharing,
        envelope.eventId()));
  }

  /**
   * A button press. It runs exactly as the person typing the button's word would: confirm and cancel
   * reach only the presser's own pending change.
   */
  public Fate action(BlockActions payload) {
    BlockActions.Action button = payload.actions() == null ? null : payload.actions().stream()
        .filter(a -> BlockKitRenderer.action(a.actionId()) != null).findFirst().orElse(null);
    if (button == null || payload.userId() == null || payload.channelId() == null) return Fate.IGNORED;
    if (foreign(payload.teamId(), payload.enterpriseId(), payload.responseUrl()) != null) return Fate.REFUSED;
    Reply.Action pressed = BlockKitRenderer.action(button.actionId());
    // The value is the id of what the button was made for; a plain action word means none.
    String ref = button.value() == null || button.value().equalsIgnoreCase(pressed.command())
        || button.value().equalsIgnoreCase(pressed.name()) ? null : button.value();
    String id = payload.triggerId();
    return inbox.take(id == null ? null : "slack:" + id, () -> {
      Ran ran = run(payload.userId(), payload.channelId(), id, pressed.command(),
          requester -> operations.press(requester, pressed, ref));
      answerAction(payload, ran);
    }, place(payload.channelId(), payload.userId()),
        refused -> answerAction(payload, new Ran(null, Reply.note(Reply.Tone.WARNING, Inbox.busy(refused)))));
  }

  /** Where a busy notice goes: the person in the channel (several refusals there fold into one notice). */
  private static String place(String channel, String userId) {
    return "slack|" + channel + "|" + userId;
  }

  /**
   * A command's answer and who asked, once known: an answer that cannot be posted is kept for that person's next
   * one. {@code requester} is null when the answer is about not knowing who asked.
   */
  private record Ran(Requester requester, Reply reply) {}

  /** Who the Slack user is in Webex, then the command; every problem is a reply. */
  private Ran run(String userId, String channel, String messageId, String slackText) {
    return run(userId, channel, messageId, slackText, null);
  }

  private Ran run(String userId, String channel, String messageId, String slackText,
      Function<Requester, Reply> pressed) {
    try {
      return identifyAndRun(userId, channel, messageId, slackText, pressed);
    } catch (RuntimeException e) {
      // Whatever went wrong, the person still gets an answer (and a slash command's "Working on it…" an end).
      log.error("A Slack command failed", e);
      return new Ran(null, Reply.note(Reply.Tone.ERROR,
          "Something went wrong on Switchboard's side; see `history` for anything it changed."));
    }
  }

  private Ran identifyAndRun(String userId, String channel, String messageId, String slackText,
      Function<Requester, Reply> pressed) {
    SlackClient.User user;
    try {
      user = slack.user(userId);
    } catch (SlackException e) {
      log.warn("Could not look up Slack user {}: {}", userId, e.getMessage());
      return new Ran(null, Reply.note(Reply.Tone.ERROR, "Switchboard could not look you up in Slack (`" + e.error()
          + "`), so nothing was done. Please try again in a minute."));
    }
    var refusal = trust.refusal(user);
    if (refusal.isPresent()) {
      log.info("Refused Slack user {}: {}", userId, refusal.get());
      return new Ran(null, Reply.note(Reply.Tone.DENIED, refusal.get()));
    }
    if (user.email() == null) return new Ran(null, Reply.note(Reply.Tone.DENIED, NO_EMAIL));
    String text = SlackText.unescape(slackText, this::emailOf);
    Requester requester = new Requester(Requester.Platform.SLACK, userId, null, user.email(), channel, messageId);
    return new Ran(requester, pressed != null ? pressed.apply(requester) : operations.handle(requester, text));
  }

  /** A mentioned user stands for their email, so {@code transfer numbers for @alice} finds Alice. */
  private String emailOf(String userId) {
    try {
      return slack.user(userId).email();
    } catch (SlackException e) {
      return null;
    }
  }

  private void answerAction(BlockActions payload, Ran ran) {
    if (payload.responseUrl() != null) {
      respond(payload.responseUrl(), ran, payload.threadTs(), payload.triggerId());
    } else {
      String thread = payload.threadTs() != null ? payload.threadTs()
          : payload.message() != null ? payload.message().ts() : null;
      post(payload.channelId(), thread, ran, payload.triggerId());
    }
  }

  /** Answers through a {@code response_url}: to the channel for changes, to the requester alone otherwise. */
  private void respond(String responseUrl, Ran ran, String threadTs, String cause) {
    ObjectNode message = BlockKitRenderer.message(ran.reply());
    message.put("response_type", ran.reply().audience() == Reply.Audience.EVERYONE ? "in_channel" : "ephemeral");
    // A new message each time: a preview or a change stays readable above its outcome.
    message.put("replace_original", false);
    if (threadTs != null) message.put("thread_ts", threadTs);
    deliver(() -> slack.respond(responseUrl, message), ran, cause, "through its response_url");
  }

  private void post(String channel, String threadTs, Ran ran, String cause) {
    deliver(() -> slack.postMessage(channel, BlockKitRenderer.message(ran.reply()), threadTs), ran, cause,
        "in channel " + channel);
  }

  /**
   * Posts, trying again when Slack did not answer or failed on its side; an answer that still cannot be posted is
   * handed back to the operations, and the person's next answer here starts with it.
   */
  private void deliver(Runnable post, Ran ran, String cause, String where) {
    try {
      inbox.posting().post(post, SlackException.class, SlackInbox::passing);
    } catch (SlackException e) {
      log.warn("Could not post the reply to {} {}: {}", cause, where, e.getMessage());
      if (ran.requester() != null) operations.undelivered(ran.requester(), ran.reply());
    }
  }

  /** Failures that may pass: no answer, Slack's own errors, a rate limit longer than the client waits. */
  static boolean passing(SlackException e) {
    return e.status() == 0 || e.status() >= 500 || PASSING.contains(e.error());
  }

  /**
   * Answers an event: to the channel when the reply is for everyone or the requester shared it, else to the
   * requester alone. An ephemeral answer goes into a thread only when the mention was in one already (Slack does
   * not show an ephemeral message in a thread that is not active).
   */
  private void answer(String channel, String user, String thread, String activeThread, Ran ran, Sharing sharing,
      String cause) {
    if (sharing.shared() || ran.reply().audience() == Reply.Audience.EVERYONE) {
      post(channel, thread, ran, cause);
      return;
    }
    deliver(() -> slack.postEphemeral(channel, user, BlockKitRenderer.message(ran.reply()), activeThread), ran,
        cause, "privately in channel " + channel);
  }

  private static final java.util.Set<String> PASSING = java.util.Set.of("ratelimited", "internal_error",
      "fatal_error", "service_unavailable", "request_timeout");
}
