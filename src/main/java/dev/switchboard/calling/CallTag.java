package dev.switchboard.calling;

import java.util.Objects;

/** Tags each request with the operation it performs and the identity whose token it carries; the interceptors read it. */
record CallTag(WebexOperation operation, Identity identity) {

  CallTag {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(identity, "identity");
  }

  static CallTag of(okhttp3.Request request) {
    CallTag tag = request.tag(CallTag.class);
    if (tag == null) {
      throw new IllegalStateException("request to " + request.url().encodedPath() + " has no CallTag");
    }
    return tag;
  }
}
