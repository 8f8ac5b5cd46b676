package dev.switchboard.chat.webex;

import dev.switchboard.calling.Message;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Progress;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces in Webex: in the thread of the message that asked for a schedule (Webex threads are one level deep, so
 * the root is that message's parent, or the message itself), or to a configured room. Requesters of other
 * platforms are left to their own announcer.
 */
public final class WebexAnnouncer implements Announcer {

  private static final Logger log = LoggerFactory.getLogger(WebexAnnouncer.class);

  private final WebexClient client;
  private final WebexConversation conversation;

  /** Announces through {@code client}; cards it posts are remembered in {@code cards}, like the inbox's. */
  public WebexAnnouncer(WebexClient client, CardMemory cards) {
    this.client = client;
    this.conversation = new WebexConversation(client, cards);
  }

  @Override
  public void announce(Requester original, Reply reply) {
    if (original.platform() != Requester.Platform.WEBEX) return;
    try {
      conversation.reply(original.conversation(), threadRoot(original), reply);
    } catch (WebexException e) {
      log.warn("Could not post an announcement to room {} (tracking id {}): {}", original.conversation(),
          e.trackingId(), e.status());
    }
  }

  /**
   * A message in the requester's thread, posted at the first show and edited in place after (Webex allows ten edits;
   * the bulk run's progress keeps within them). The thread is found at the first show, not before: a run too short to
   * show progress (most are) costs no Webex read.
   */
  @Override
  public Progress progress(Requester original) {
    if (original.platform() != Requester.Platform.WEBEX) return Progress.NONE;
    String[] posted = new String[1];
    return reply -> {
      Reply plain = new Reply(reply.tone(), reply.title(), reply.blocks(), java.util.List.of(), reply.audience());
      try {
        synchronized (posted) {
          if (posted[0] != null) {
            conversation.edit(posted[0], original.conversation(), plain);
          } else {
            Message message = conversation.post(original.conversation(), threadRoot(original), plain,
                new WebexSpace(true, "Switchboard"));
            posted[0] = message.id();
          }
        }
      } catch (WebexException e) {
        log.warn("Could not show progress in room {} (tracking id {}): {}", original.conversation(), e.trackingId(),
            e.status());
      }
    };
  }

  /** The root of the thread {@code original} asked in, or null to post to the room. */
  private String threadRoot(Requester original) {
    String root = null;
    if (original.messageId() != null) {
      try {
        Message asked = client.message(original.messageId());
        root = asked.parentId() != null ? asked.parentId() : asked.id();
      } catch (WebexException e) {
        // deleted, or Webex is unwell: say it in the room rather than not at all
        log.warn("Could not read message {} to find its thread (tracking id {}); posting to the room",
            original.messageId(), e.trackingId());
      }
    }
    return root;
  }

  @Override
  public boolean post(Room room, Reply reply) {
    if (room.platform() != Requester.Platform.WEBEX) return false;
    try {
      conversation.reply(room.id(), null, reply);
      return true;
    } catch (WebexException e) {
      log.warn("Could not post to room {} (tracking id {}): {}", room, e.trackingId(), e.status());
      return false;
    }
  }
}
