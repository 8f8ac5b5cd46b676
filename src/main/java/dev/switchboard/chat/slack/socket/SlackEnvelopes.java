package dev.switchboard.chat.slack.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.chat.slack.BlockActions;
import dev.switchboard.chat.slack.EventEnvelope;
import dev.switchboard.chat.slack.SlackInbox;
import dev.switchboard.chat.slack.SlashCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode's envelopes into the same {@link SlackInbox} the request URLs feed: the same trust checks (workspace,
 * {@code response_url} hosts), the same dedup (an event by its id, so a redelivery with {@code retry_attempt} runs
 * once; a command or a press by its trigger), the same answers. Only the signature check has no counterpart: the
 * envelope came over the connection our app-level token opened.
 */
public final class SlackEnvelopes implements Envelopes {

  private static final Logger log = LoggerFactory.getLogger(SlackEnvelopes.class);

  /** What a slash command's ack shows at once, as the HTTP acknowledgement does. */
  static final String WORKING = "Working on it…";
  static final String REFUSED = "Switchboard does not act on requests from outside its own Slack workspace.";

  private final SlackInbox inbox;
  private final ObjectMapper mapper;
  private final BiConsumer<Fate, Duration> handed;

  /** {@code handed} hears each envelope's fate and how long its hand-over took (metrics). */
  public SlackEnvelopes(SlackInbox inbox, ObjectMapper mapper, BiConsumer<Fate, Duration> handed) {
    this.inbox = inbox;
    this.mapper = mapper;
    this.handed = handed;
  }

  @Override
  public void event(JsonNode payload, int retryAttempt) {
    long start = System.nanoTime();
    EventEnvelope envelope = read(payload, EventEnvelope.class);
    // A malformed envelope is acked (Slack would only send it again) and dropped, as the HTTP path answers 400.
    Fate fate = envelope == null || !envelope.isEventCallback() || envelope.eventId() == null
        || envelope.event() == null ? Fate.IGNORED : inbox.event(envelope);
    log.debug("Slack event {} over Socket Mode (retry {}) -> {}", envelope == null ? null : envelope.eventId(),
        retryAttempt, fate);
    handed.accept(fate, Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public JsonNode command(JsonNode payload) {
    long start = System.nanoTime();
    Map<String, String> fields = new HashMap<>();
    if (payload.isObject()) {
      for (Map.Entry<String, JsonNode> field : payload.properties()) {
        if (field.getValue().isValueNode()) fields.put(field.getKey(), field.getValue().asText());
      }
    }
    SlashCommand command = SlashCommand.of(fields);
    Fate fate = command == null ? Fate.IGNORED : inbox.command(command);
    log.debug("Slash command {} over Socket Mode -> {}", command == null ? null : command.triggerId(), fate);
    handed.accept(fate, Duration.ofNanos(System.nanoTime() - start));
    return switch (fate) {
      case STARTED -> ephemeral(WORKING);
      case BUSY -> ephemeral(Inbox.BUSY);
      case REFUSED -> ephemeral(REFUSED);
      default -> null; // a duplicate (its first delivery answered) or not a command: an empty ack
    };
  }

  @Override
  public void interactive(JsonNode payload) {
    long start = System.nanoTime();
    BlockActions actions = read(payload, BlockActions.class);
    Fate fate = actions != null && actions.isBlockActions() ? inbox.action(actions) : Fate.IGNORED;
    log.debug("Slack interaction {} over Socket Mode -> {}", actions == null ? null : actions.triggerId(), fate);
    handed.accept(fate, Duration.ofNanos(System.nanoTime() - start));
  }

  private <T> T read(JsonNode payload, Class<T> type) {
    try {
      return payload.isObject() ? mapper.treeToValue(payload, type) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private ObjectNode ephemeral(String text) {
    return mapper.createObjectNode().put("response_type", "ephemeral").put("text", text);
  }
}
