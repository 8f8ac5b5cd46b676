package dev.switchboard.chat;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook's body, read once into an array of exactly its size. Javalin's {@code bodyAsBytes} grows a buffer
 * while it reads, and its {@code result("")} copies even an empty answer through an 8 KB buffer: on the ack path
 * that was a fifth of what the service allocated under load (JFR), and the young collections it caused paused acks.
 */
public final class WebhookBody {

  private static final Logger log = LoggerFactory.getLogger(WebhookBody.class);

  /** Bodies up to this size, with a {@code Content-Length}, are read here; others go through Javalin and its limit. */
  static final int DIRECT = 64 * 1024;

  private WebhookBody() {}

  /**
   * The body's bytes. One sent with a {@code Content-Length} of at most {@value #DIRECT} is read straight into an
   * array of that length; any other is read by Javalin, which enforces the server's size limit.
   *
   * @throws Unread when the connection fails while the body is read (the sender gave up, the server is stopping)
   */
  public static byte[] read(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length < 0 || length > DIRECT) return ctx.bodyAsBytes();
    byte[] body = new byte[(int) length];
    try {
      int read = ctx.req().getInputStream().readNBytes(body, 0, body.length);
      return read == body.length ? body : Arrays.copyOf(body, read);
    } catch (IOException e) {
      throw new Unread(e);
    }
  }

  /**
   * A body the connection failed to deliver. No answer can reach the sender and nothing was admitted: the platform,
   * unanswered, delivers it again. Not the request's error, so not an uncaught exception's warning with a trace.
   */
  public static final class Unread extends RuntimeException {
    Unread(IOException cause) {
      super("The connection failed while the webhook's body was read: " + cause, cause, false, false);
    }
  }

  /** Answers with {@code status} and no body, through nothing of Javalin's result handling. */
  public static void answer(Context ctx, int status) {
    ctx.status(status);
  }

  /**
   * Answers with {@code status} and no body, and sends it now: the platform has its answer before whatever the
   * handler does next (start a command) can take a core from the write. A connection already closed (the sender gave
   * up, or the server is stopping) is no error of the request's: the platform, unanswered, delivers it again, and the
   * handler goes on to what it admitted, which the redelivery then finds done.
   */
  public static void answerNow(Context ctx, int status) {
    ctx.status(status);
    ctx.res().setContentLength(0);
    try {
      ctx.res().flushBuffer();
    } catch (IOException e) {
      log.debug("The connection closed before the {} was sent: {}", status, e.toString());
    }
  }

  /**
   * Answers with {@code status} and {@code body} of {@code contentType}, written straight to the response with its
   * length: Javalin's {@code result} would copy it through an 8 KB buffer, half of what Slack's acks allocated.
   */
  public static void answer(Context ctx, int status, String contentType, byte[] body) {
    ctx.status(status).contentType(contentType);
    ctx.res().setContentLength(body.length);
    try {
      ctx.res().getOutputStream().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the answer", e);
    }
  }
}
