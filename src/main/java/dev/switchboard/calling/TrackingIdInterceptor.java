package dev.switchboard.calling;

import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Gives every call a {@code TrackingID} request header, kept across its retries, so Webex support can find it. */
final class TrackingIdInterceptor implements Interceptor {

  static final String HEADER = "TrackingID";
  static final String PREFIX = "SWITCHBOARD_";

  @Override
  public Response intercept(Chain chain) throws IOException {
    var request = chain.request();
    if (request.header(HEADER) != null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header(HEADER, PREFIX + UUID.randomUUID()).build());
  }
}
