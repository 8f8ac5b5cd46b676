package dev.switchboard.chat.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.chat.Rejections;
import dev.switchboard.chat.WebhookBody;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's three request URLs. Each verifies the v0 signature over the raw bytes first, then parses,
 * then hands the request to the {@link SlackInbox} and answers at once, well within Slack's three
 * seconds. Nothing unverified is parsed, acted on or logged.
 *
 * <ul>
 *   <li>{@code POST /slack/commands}: the {@code /switchboard} slash command; acknowledged with an
 *       ephemeral "Working on it…", the result goes to the {@code response_url}.
 *   <li>{@code POST /slack/events}: {@code url_verification}, {@code app_mention} and direct messages.
 *   <li>{@code POST /slack/interactivity}: the confirm, cancel and undo buttons.
 * </ul>
 *
 * @see <a href="https://api.slack.com/authentication/verifying-requests-from-slack">Verifying requests</a>
 */
public final class SlackFrontEnd {

  private static final Logger log = LoggerFactory.getLogger(SlackFrontEnd.class);

  public static final String COMMANDS = "/slack/commands";
  public static final String EVENTS = "/slack/events";
  public static final String INTERACTIVITY = "/slack/interactivity";
  static final String WORKING = "Working on it…";
  static final String REFUSED = "Switchboard does not act on requests from outside its own Slack workspace.";

  private final SlackSignature signature;
  private final ObjectMapper mapper;
  private final SlackInbox inbox;
  private final Rejections rejections;

  public SlackFrontEnd(SlackSignature signature, ObjectMapper mapper, SlackInbox inbox, Rejections rejections) {
    this.signature = signature;
    this.mapper = mapper;
    this.inbox = inbox;
    this.rejections = rejections;
  }

  /** {@code POST} {@value #COMMANDS}. */
  public void commands(Context ctx) {
    byte[] body = verified(ctx);
    if (body == null) return;
    SlashCommand command = SlashCommand.of(form(body));
    if (command == null) {
      throw new BadRequestResponse("Not a slash command: user_id, channel_id or response_url missing");
    }
    // The answer is written whole (its length given, so Jetty sends it at once), then the command starts.
    Inbox.Admission admission = inbox.admit(command);
    try {
      Fate fate = admission.fate();
      if (fate == Fate.DUPLICATE) {
        WebhookBody.answer(ctx, 200);
      } else {
        json(ctx, ephemeral(fate == Fate.BUSY ? Inbox.BUSY : fate == Fate.REFUSED ? REFUSED : WORKING));
      }
    } finally {
      Fate fate = admission.start();
      log.debug("Slash command {} -> {}", command.triggerId(), fate);
      ctx.attribute(Fate.ATTRIBUTE, fate.metric());
    }
  }

  /** {@code POST} {@value #EVENTS}. */
  public void events(Context ctx) {
    byte[] body = verified(ctx);
    if (body == null) return;
    EventEnvelope envelope;
    try {
      envelope = mapper.readValue(body, EventEnvelope.class);
    } catch (IOException e) {
      throw new BadRequestResponse("The body is not an Events API payload");
    }
    if (envelope == null || envelope.type() == null) throw new BadRequestResponse("The payload has no type");
    if (envelope.isUrlVerification()) {
      if (envelope.challenge() == null) throw new BadRequestResponse("url_verification without a challenge");
      ctx.attribute(Fate.ATTRIBUTE, "url_verification");
      ctx.contentType("text/plain").result(envelope.challenge());
      return;
    }
    if (envelope.isEventCallback() && (envelope.eventId() == null || envelope.event() == null)) {
      throw new BadRequestResponse("event_callback without event_id or event");
    }
    Fate fate = inbox.event(envelope);
    log.debug("Slack event {} (retry {}) -> {}", envelope.eventId(), ctx.header("X-Slack-Retry-Num"), fate);
    ctx.attribute(Fate.ATTRIBUTE, fate.metric());
    WebhookBody.answer(ctx, 200);
  }

  /** {@code POST} {@value #INTERACTIVITY}. */
  public void interactivity(Context ctx) {
    byte[] body = verified(ctx);
    if (body == null) return;
    String payload = form(body).get("payload");
    if (payload == null) throw new BadRequestResponse("No payload field");
    BlockActions actions;
    try {
      actions = mapper.readValue(payload, BlockActions.class);
    } catch (IOException e) {
      throw new BadRequestResponse("The payload is not an interaction payload");
    }
    if (actions == null || actions.type() == null) throw new BadRequestResponse("The payload has no type");
    Fate fate = actions.isBlockActions() ? inbox.action(actions) : Fate.IGNORED;
    log.debug("Slack interaction {} {} -> {}", actions.type(), actions.triggerId(), fate);
    ctx.attribute(Fate.ATTRIBUTE, fate.metric());
    WebhookBody.answer(ctx, 200);
  }

  /**
   * The raw body, when its signature and timestamp are good; otherwise null, with a bare 401 set: a rejection
   * costs the constant-time check and a counter (no exception, no log line of its own; {@link Rejections} logs
   * once an interval).
   */
  private byte[] verified(Context ctx) {
    byte[] body = WebhookBody.read(ctx);
    SlackSignature.Verdict verdict = signature.verify(ctx.header(SlackSignature.TIMESTAMP_HEADER),
        ctx.header(SlackSignature.SIGNATURE_HEADER), body);
    if (verdict == SlackSignature.Verdict.VALID) return body;
    rejections.count(switch (verdict) {
      case MISSING -> Rejections.Reason.MISSING_SIGNATURE;
      case STALE -> Rejections.Reason.STALE_TIMESTAMP;
      default -> Rejections.Reason.BAD_SIGNATURE;
    });
    ctx.attribute(Fate.ATTRIBUTE, "rejected");
    WebhookBody.answer(ctx, 401);
    return null;
  }

  /** An {@code application/x-www-form-urlencoded} body, decoded from exactly the bytes verified. */
  static Map<String, String> form(byte[] body) {
    Map<String, String> fields = new HashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) return fields;
    try {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      }
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("The body is not form-encoded");
    }
    return fields;
  }

  private ObjectNode ephemeral(String text) {
    return mapper.createObjectNode().put("response_type", "ephemeral").put("text", text);
  }

  private void json(Context ctx, ObjectNode body) {
    try {
      WebhookBody.answer(ctx, 200, "application/json", mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
