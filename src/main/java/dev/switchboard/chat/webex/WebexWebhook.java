package dev.switchboard.chat.webex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.chat.Rejections;
import dev.switchboard.chat.WebhookBody;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webex/webhook}: verify the signature over the raw bytes, then parse, then hand the
 * delivery to the inbox and answer 200 at once. Nothing unverified is parsed, acted on or logged.
 */
public final class WebexWebhook {

  private static final Logger log = LoggerFactory.getLogger(WebexWebhook.class);

  private final WebexSignature signature;
  private final ObjectMapper mapper;
  private final WebexInbox inbox;
  private final Rejections rejections;

  public WebexWebhook(WebexSignature signature, ObjectMapper mapper, WebexInbox inbox, Rejections rejections) {
    this.signature = signature;
    this.mapper = mapper;
    this.inbox = inbox;
    this.rejections = rejections;
  }

  public void handle(Context ctx) {
    // 1. The signature, over exactly the bytes received, before anything else.
    // A rejection costs the constant-time check and a counter: no exception, no log line of its own.
    byte[] body = WebhookBody.read(ctx);
    String header = ctx.header(WebexSignature.HEADER);
    if (!signature.verify(body, header)) {
      rejections.count(header == null ? Rejections.Reason.MISSING_SIGNATURE : Rejections.Reason.BAD_SIGNATURE);
      ctx.attribute(Fate.ATTRIBUTE, "rejected");
      WebhookBody.answer(ctx, 401);
      return;
    }
    // 2. Only then the JSON.
    WebhookEnvelope envelope;
    try {
      envelope = WebhookEnvelope.read(mapper.getFactory(), body);
    } catch (IOException e) {
      throw new BadRequestResponse("The body is not a Webex webhook envelope");
    }
    if (envelope == null || envelope.resource() == null || envelope.event() == null || envelope.data() == null
        || envelope.data().id() == null) {
      throw new BadRequestResponse("The envelope lacks resource, event or data.id");
    }
    // 3. Webex gets its answer (200, whatever becomes of the delivery), sent here, then the command starts on the
    // pool: its thread cannot take a core from the write. Sent so even when nothing starts (a flood told busy): one
    // way of answering keeps the JIT's compiled code good for both, where two had C2 recompile Jetty's response path
    // each time the load changed between them (-XX:+PrintCompilation: 790 compilations in the measured flood, 270 now).
    Inbox.Admission admission = inbox.admit(envelope);
    try {
      WebhookBody.answerNow(ctx, 200);
    } finally {
      Fate fate = admission.start();
      if (log.isDebugEnabled()) { // four arguments are an array, made before the call whatever the level
        log.debug("Webhook {}/{} {} -> {}", envelope.resource(), envelope.event(), envelope.data().id(), fate);
      }
      ctx.attribute(Fate.ATTRIBUTE, fate.metric());
    }
  }
}
