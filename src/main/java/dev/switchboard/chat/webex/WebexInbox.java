package dev.switchboard.chat.webex;

import dev.switchboard.chat.PostedCardStore;
import dev.switchboard.calling.AttachmentAction;
import dev.switchboard.calling.IsoInstant;
import dev.switchboard.calling.Message;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Requester;
import dev.switchboard.ops.Operations;
import dev.switchboard.chat.Rejections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes verified webhook deliveries: ignores bots, and hands each command to the shared {@link Inbox}
 * (redeliveries dropped, the pool, the busy notice) — fetch the message or card action, run it, reply in
 * the thread.
 */
public final class WebexInbox {

  private static final Logger log = LoggerFactory.getLogger(WebexInbox.class);

  private final WebexClient client;
  private final Operations operations;
  private final Supplier<WebexBot> bot;
  private final WebexConversation conversation;
  private final Inbox inbox;
  private final CardMemory cards;
  private final Freshness freshness;

  /**
   * How old a message or card press may be and still run: Webex signatures carry no time, so a captured delivery
   * replayed after its id has left the redelivery memory is refused by its {@code created}. The window is the
   * redelivery memory's own.
   */
  public record Freshness(Clock clock, Duration window, Rejections rejections) {
    /** Whether something created at {@code created} (ISO-8601; null when unknown) is too old to run; counted. */
    boolean stale(Instant created) {
      if (created == null || !created.isBefore(clock.instant().minus(window))) return false;
      rejections.count(Rejections.Reason.STALE_MESSAGE);
      return true;
    }

    boolean stale(String created) {
      if (created == null) return false;
      try {
        return stale(IsoInstant.parse(created));
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }

  /**
   * {@code cards} are the cards the bot posted: a button press is checked against them, never by reading the card;
   * {@code freshness} says how old a delivery may be and still run.
   */
  public WebexInbox(WebexClient client, Operations operations, Supplier<WebexBot> bot, Inbox inbox,
      CardMemory cards, Freshness freshness) {
    this.client = client;
    this.operations = operations;
    this.bot = bot;
    this.conversation = new WebexConversation(client, cards);
    this.inbox = inbox;
    this.cards = cards;
    this.freshness = freshness;
  }

  /** Accepts one verified delivery; returns at once, the work runs on the pool. */
  public Fate accept(WebhookEnvelope envelope) {
    return admit(envelope).start();
  }

  /**
   * Takes one verified delivery, its command held until {@link Inbox.Admission#start()}: the webhook answers Webex
   * first. The caller must start it, in a {@code finally}.
   */
  public Inbox.Admission admit(WebhookEnvelope envelope) {
    WebhookEnvelope.Data data = envelope.data();
    if (freshness.stale(data.created())) return Inbox.Admission.of(Fate.REFUSED);
    if (envelope.is("messages", "created")) {
      if (bot.get().isBotSender(data.personId(), data.personEmail())) return Inbox.Admission.of(Fate.FROM_BOT);
      return inbox.admit("webex:" + data.id(), () -> runMessage(data.id(), data.roomId()), place(data),
          refused -> busyAboutMessage(data.roomId(), data.id(), refused));
    }
    if (envelope.is("attachmentActions", "created")) {
      if (bot.get().isBotSender(data.personId(), null)) return Inbox.Admission.of(Fate.FROM_BOT);
      return inbox.admit("webex:" + data.id(), () -> runAction(data.id(), data.roomId()), place(data),
          refused -> busyAboutAction(data.roomId(), data.id(), refused));
    }
    return Inbox.Admission.of(Fate.IGNORED);
  }

  /** Where a busy notice goes: the person in the room (several refusals there fold into one notice). */
  private static String place(WebhookEnvelope.Data data) {
    return "webex|" + data.roomId() + "|" + data.personId();
  }

  /** The busy notice for a message, in its thread (the thread's root, as Webex allows replies only to that). */
  private void busyAboutMessage(String roomId, String messageId, int refused) {
    String threadRoot = null;
    try {
      Message message = client.message(messageId);
      threadRoot = message.parentId() != null ? message.parentId() : message.id();
    } catch (WebexException e) {
      log.debug("Could not read message {} for its thread; the busy notice goes to the room", messageId);
    }
    busy(roomId, threadRoot, refused);
  }

  /** The busy notice for a button press, in the thread of the card pressed when the bot remembers it. */
  private void busyAboutAction(String roomId, String actionId, int refused) {
    String threadRoot = null;
    try {
      AttachmentAction action = client.attachmentAction(actionId);
      threadRoot = cards.find(action.messageId()).map(PostedCardStore.Card::threadRoot).orElse(null);
    } catch (WebexException e) {
      log.debug("Could not read card action {} for its thread; the busy notice goes to the room", actionId);
    }
    busy(roomId, threadRoot, refused);
  }

  private void busy(String roomId, String threadRoot, int refused) {
    try {
      conversation.reply(roomId, threadRoot, Reply.note(Reply.Tone.WARNING, Inbox.busy(refused)));
    } catch (WebexException e) {
      log.warn("Could not post a busy notice in room {} (tracking id {}): {}", roomId, e.trackingId(), e.status());
    }
  }

  private void runMessage(String messageId, String roomId) {
    Message message;
    try {
      message = client.message(messageId);
    } catch (WebexException e) {
      log.warn("Could not fetch message {} (tracking id {}): {}", messageId, e.trackingId(), e.status());
      unreadable(roomId, "message", e);
      return;
    }
    if (freshness.stale(message.created())) {
      log.info("Not running message {}: it is older than the replay window", messageId);
      return;
    }
    String text = "group".equals(message.roomType())
        ? new MentionStripper(bot.get().personId(), bot.get().displayName()).strip(message.text(), message.html())
        : message.text() == null ? "" : message.text().strip();
    Requester requester = new Requester(Requester.Platform.WEBEX, message.personId(), message.personId(),
        message.personEmail(), message.roomId(), message.id());
    Reply reply = operations.handle(requester, text);
    send(requester, message.parentId() != null ? message.parentId() : message.id(), reply, messageId,
        WebexSpace.of(message.roomType(), bot.get().displayName()));
  }

  private void runAction(String actionId, String roomId) {
    AttachmentAction action;
    try {
      action = client.attachmentAction(actionId);
    } catch (WebexException e) {
      log.warn("Could not fetch card action {} (tracking id {}): {}", actionId, e.trackingId(), e.status());
      unreadable(roomId, "button press", e);
      return;
    }
    // Checked against the cards the bot remembers posting: in a group space Webex refuses a bot's read of its own
    // card (it does not mention the bot), so the card is never read back.
    PostedCardStore.Card card;
    try {
      card = cards.pressed(action.messageId(), action.roomId()).orElse(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (card == null) {
      log.info("Ignoring card action {} on a card the bot does not remember posting", actionId);
      forgotten(action.roomId());
      return;
    }
    // The button says only which command it stands for; what it acts on is our own pending state.
    String word = action.inputs() == null ? null : action.inputs().get(AdaptiveCardRenderer.ACTION_INPUT);
    Reply.Action pressed = parse(word);
    if (pressed == null) {
      log.info("Ignoring card action {} with unknown input '{}'", actionId, word);
      return;
    }
    Requester requester = new Requester(Requester.Platform.WEBEX, action.personId(), action.personId(), null,
        action.roomId(), action.id());
    String ref = action.inputs().get(AdaptiveCardRenderer.REF_INPUT);
    Reply reply = operations.press(requester, pressed, ref);
    // A card action does not say the room's type: worded as for a group space, which works in a direct one too.
    send(requester, card.threadRoot(), reply, actionId, WebexSpace.of(null, bot.get().displayName()));
  }

  /** Webex told us of a message we then could not read: say so, rather than stay silent. */
  private void unreadable(String roomId, String what, WebexException e) {
    if (roomId == null) return;
    try {
      Reply.Builder notice = Reply.of(Reply.Tone.ERROR, "I could not read your " + what
          + " from Webex, so I did not act on it. Please send it again.");
      if (e.trackingId() != null) notice.text("Tracking ID: `" + e.trackingId() + "`");
      conversation.reply(roomId, null, notice.build());
    } catch (WebexException again) {
      log.warn("Could not tell room {} either (tracking id {})", roomId, again.trackingId());
    }
  }

  /** A press on a card the bot no longer remembers (or never posted): say so, rather than stay silent. */
  private void forgotten(String roomId) {
    if (roomId == null) return;
    try {
      conversation.reply(roomId, null, Reply.note(Reply.Tone.INFO,
          "I no longer remember that card, so I did not act on it. Please type the command instead."));
    } catch (WebexException e) {
      log.warn("Could not tell room {} about a forgotten card (tracking id {})", roomId, e.trackingId());
    }
  }

  private static Reply.Action parse(String word) {
    if (word == null) return null;
    for (Reply.Action action : Reply.Action.values()) {
      if (action.name().equals(word.toUpperCase(Locale.ROOT))) return action;
    }
    return null;
  }

  /**
   * Posts the answer in its thread, trying again after a short pause when Webex did not answer or failed on its
   * side; an answer that still cannot be posted is handed back to the operations, and the person's next answer
   * here starts with it.
   */
  private void send(Requester requester, String threadRoot, Reply reply, String cause, WebexSpace space) {
    try {
      inbox.posting().post(() -> conversation.reply(requester.conversation(), threadRoot, reply, space),
          WebexException.class, e -> e.status() == 0 || e.status() >= 500);
    } catch (WebexException e) {
      log.warn("Could not post the reply to {} (tracking id {}): {}", cause, e.trackingId(), e.status());
      operations.undelivered(requester, reply);
    }
  }
}
