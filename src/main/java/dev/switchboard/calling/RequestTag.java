package dev.switchboard.calling;

import java.util.Objects;

/** Tags each request with the operation it performs and the identity whose token it carries; the interceptors read it. */
record RequestTag(WebexOperation operation, Identity identity) {

  RequestTag {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(identity, "identity");
  }

  static RequestTag of(okhttp3.Request request) {
    RequestTag tag = request.tag(RequestTag.class);
    if (tag == null) {
      throw new IllegalStateException("request to " + request.url().encodedPath() + " has no RequestTag");
    }
    return tag;
  }
}
