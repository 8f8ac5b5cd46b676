package dev.switchboard.calling;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports every attempt (operation, status or 0, duration to the body's last byte) to the listener and logs it at
 * debug, without tokens.
 */
final class RequestReportingInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger(WebexClient.class);

  private final RequestListener listener;

  RequestReportingInterceptor(RequestListener listener) {
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    var request = chain.request();
    var operation = RequestTag.of(request).operation();
    started(operation);
    long start = System.nanoTime();
    Response response = null;
    try {
      response = chain.proceed(request);
      // The body is read here, inside the attempt: until its last byte has come, the call is still Webex's time
      // (a body sent after its headers was once counted as the bot's own, in the benchmark's overhead).
      response.body().source().request(Long.MAX_VALUE);
    } catch (IOException | RuntimeException e) {
      if (response != null) response.close();
      report(operation, 0, start);
      LOG.debug("{} failed without a response ({}) tracking={}", operation, e.getClass().getSimpleName(),
          request.header(TrackingIdInterceptor.HEADER));
      throw e;
    }
    report(operation, response.code(), start);
    LOG.debug("{} {} tracking={}", operation, response.code(), trackingId(response));
    return response;
  }

  private void started(WebexOperation operation) {
    try {
      listener.onStart(operation);
    } catch (RuntimeException e) {
      LOG.warn("request listener failed for {}", operation, e);
    }
  }

  private void report(WebexOperation operation, int status, long start) {
    try {
      listener.onRequest(operation, status, Duration.ofNanos(System.nanoTime() - start));
    } catch (RuntimeException e) {
      LOG.warn("request listener failed for {}", operation, e);
    }
  }

  static String trackingId(Response response) {
    String fromWebex = response.header("Trackingid");
    return fromWebex != null ? fromWebex : response.request().header(TrackingIdInterceptor.HEADER);
  }
}
