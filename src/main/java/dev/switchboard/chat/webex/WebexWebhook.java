package dev.switchboard.chat.webex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.chat.Fate;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
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

  public WebexWebhook(WebexSignature signature, ObjectMapper mapper, WebexInbox inbox) {
    this.signature = signature;
    this.mapper = mapper;
    this.inbox = inbox;
  }

  public void handle(Context ctx) {
    // 1. The signature, over exactly the bytes received, before anything else.
    byte[] body = ctx.bodyAsBytes();
    if (!signature.verify(body, ctx.header(WebexSignature.HEADER))) {
      log.warn("Rejected a webhook delivery with a {} signature ({} bytes)",
          ctx.header(WebexSignature.HEADER) == null ? "missing" : "wrong", body.length);
      throw new UnauthorizedResponse("Missing or wrong X-Spark-Signature");
    }
    // 2. Only then the JSON.
    WebhookEnvelope envelope;
    try {
      envelope = mapper.readValue(body, WebhookEnvelope.class);
    } catch (IOException e) {
      throw new BadRequestResponse("The body is not a Webex webhook envelope");
    }
    if (envelope == null || envelope.resource() == null || envelope.event() == null || envelope.data() == null
        || envelope.data().id() == null) {
      throw new BadRequestResponse("The envelope lacks resource, event or data.id");
    }
    // 3. Dispatch; the command runs on the pool, Webex gets its answer now.
    Fate fate = inbox.accept(envelope);
    log.debug("Webhook {}/{} {} -> {}", envelope.resource(), envelope.event(), envelope.data().id(), fate);
    ctx.attribute(Fate.ATTRIBUTE, fate.metric());
    ctx.status(200).result("");
  }
}
