package dev.switchboard.chat.webex;

import dev.switchboard.chat.PostedCardStore;
import dev.switchboard.calling.Attachment;
import dev.switchboard.calling.Message;
import dev.switchboard.calling.NewMessage;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.Fitting;
import dev.switchboard.chat.PlainTextRenderer;
import dev.switchboard.ops.Reply;
import java.util.List;

/** Posts replies into a Webex thread: markdown for every client, an Adaptive Card where it helps. */
public final class WebexConversation {

  private final WebexClient client;
  private final CardMemory cards;

  /** Replies through {@code client}; every card posted is remembered in {@code cards}, for its button presses. */
  public WebexConversation(WebexClient client, CardMemory cards) {
    this.client = client;
    this.cards = cards;
  }

  /**
   * Replies in the thread whose root is {@code threadRoot} (Webex threads are one level deep: a
   * reply to a reply names the root).
   */
  public void reply(String roomId, String threadRoot, Reply reply) {
    reply(roomId, threadRoot, reply, new WebexSpace(true, "Switchboard"));
  }

  /** As {@link #reply(String, String, Reply)}, worded for {@code space} (how to confirm, with the bot's name). */
  public void reply(String roomId, String threadRoot, Reply reply, WebexSpace space) {
    post(roomId, threadRoot, reply, space);
  }

  /** As {@link #reply(String, String, Reply, WebexSpace)}, returning the posted message (its id, for edits). */
  Message post(String roomId, String threadRoot, Reply reply, WebexSpace space) {
    String markdown = MarkdownRenderer.render(reply, space);
    List<Attachment> attachments = wantsCard(reply)
        ? List.of(Attachment.adaptiveCard(AdaptiveCardRenderer.render(reply, space)))
        : List.of();
    NewMessage message = new NewMessage(roomId, null, threadRoot, fallback(reply), markdown, attachments);
    if (attachments.isEmpty()) return client.createMessage(message);
    return cards.whilePosting(roomId, () -> {
      Message posted = client.createMessage(message);
      if (posted.id() != null) {
        String room = posted.roomId() != null ? posted.roomId() : roomId;
        cards.remember(new PostedCardStore.Card(posted.id(), room, threadRoot != null ? threadRoot : posted.id()));
      }
      return posted;
    });
  }

  /**
   * Replaces a plain message the bot posted with {@code reply}, as markdown only: Webex edits no message with a
   * card, and at most ten times.
   */
  void edit(String messageId, String roomId, Reply reply) {
    client.editMessage(messageId, roomId, fallback(reply), MarkdownRenderer.render(reply));
  }

  /** Cards carry buttons and before → after tables; a one-line answer reads better as plain markdown. */
  static boolean wantsCard(Reply reply) {
    return !reply.buttons().isEmpty() || reply.blocks().stream().anyMatch(b -> b instanceof Reply.Block.Changes);
  }

  /** The plain text Webex shows in notifications and where a client cannot render markdown. */
  private static String fallback(Reply reply) {
    return Fitting.render(reply, PlainTextRenderer::render, MarkdownRenderer.MAX_BYTES);
  }
}
