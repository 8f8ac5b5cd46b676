package dev.switchboard.chat.slack;

import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Progress;
import dev.switchboard.ops.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in Slack what Switchboard did on its own (a scheduled change, a revert, a reminder): in the
 * channel where it was asked. A slash command has no thread to answer in, so the message goes to
 * the channel itself.
 */
public final class SlackAnnouncer implements Announcer {

  private static final Logger log = LoggerFactory.getLogger(SlackAnnouncer.class);

  private static final java.util.Set<String> NOT_THERE =
      java.util.Set.of("not_in_channel", "channel_not_found", "is_archived");

  private final SlackClient slack;

  public SlackAnnouncer(SlackClient slack) {
    this.slack = slack;
  }

  @Override
  public void announce(Requester original, Reply reply) {
    if (original.platform() != Requester.Platform.SLACK) return;
    try {
      slack.postMessage(original.conversation(), BlockKitRenderer.message(reply), null);
    } catch (SlackException e) {
      // A slash command works in channels the bot is not in; then the person hears it directly.
      if (NOT_THERE.contains(e.error())) {
        post(original.userId(), reply);
      } else {
        log.warn("Could not post to Slack channel {}: {}", original.conversation(), e.getMessage());
      }
    } catch (RuntimeException e) {
      log.warn("Could not post to Slack channel {}", original.conversation(), e);
    }
  }

  /** A message in the requester's channel, posted at the first show and updated in place ({@code chat.update}). */
  @Override
  public Progress progress(Requester original) {
    if (original.platform() != Requester.Platform.SLACK) return Progress.NONE;
    String[] ts = new String[1];
    return reply -> {
      Reply plain = new Reply(reply.tone(), reply.title(), reply.blocks(), java.util.List.of(), reply.audience());
      try {
        synchronized (ts) {
          if (ts[0] != null) slack.update(original.conversation(), ts[0], BlockKitRenderer.message(plain));
          else ts[0] = slack.postMessage(original.conversation(), BlockKitRenderer.message(plain), null);
        }
      } catch (RuntimeException e) {
        log.warn("Could not show progress in Slack channel {}: {}", original.conversation(), e.getMessage());
      }
    };
  }

  /** Posts to a channel; a failure is logged, since the change it reports already happened and is audited. */
  @Override
  public boolean post(Room room, Reply reply) {
    return room.platform() == Requester.Platform.SLACK && post(room.id(), reply);
  }

  private boolean post(String channel, Reply reply) {
    try {
      slack.postMessage(channel, BlockKitRenderer.message(reply), null);
      return true;
    } catch (SlackException e) {
      log.warn("Could not post to Slack channel {}: {}", channel, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Could not post to Slack channel {}", channel, e);
    }
    return false;
  }
}
