package dev.switchboard.calling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;

/** Turns failed responses into {@link WebexException}s: Webex's error body, the tracking id, a short snippet otherwise. */
final class WebexErrors {

  private static final int SNIPPET_LENGTH = 120;

  private WebexErrors() {}

  /** The exception for a non-2xx response; reads (and so consumes) its body. */
  static WebexException fromResponse(WebexOperation operation, Response response, ObjectMapper mapper, Clock clock) {
    int status = response.code();
    String body;
    try {
      body = response.body().string();
    } catch (IOException e) {
      body = "";
    }
    String message = null;
    var descriptions = new ArrayList<String>();
    var codes = new ArrayList<Integer>();
    String trackingId = response.header("Trackingid");
    JsonNode json = readTree(mapper, body);
    if (json != null && json.isObject()) {
      message = text(json.get("message"));
      addCode(codes, json.get("errorCode"));
      JsonNode errors = json.get("errors");
      if (errors != null && errors.isArray()) {
        for (JsonNode error : errors) {
          String description = text(error.get("description"));
          if (description != null) {
            descriptions.add(description);
          }
          addCode(codes, error.get("errorCode"));
        }
      }
      if (trackingId == null) {
        trackingId = text(json.get("trackingId"));
      }
    }
    if (status == 429 || status == 423) {
      return new RateLimitedException(operation, status, message, descriptions, trackingId,
          RetryAfter.parse(response.header("Retry-After"), clock));
    }
    String detail = json == null && !body.isBlank() ? "unexpected response: " + snippet(operation, body) : null;
    return new WebexException(operation, status, message, descriptions, codes, trackingId, detail, null);
  }

  /**
   * The exception for a successful response whose body is not the JSON we expected. It names the operation,
   * the parser's one-line complaint and the start of the body, and carries no Jackson exception as its cause.
   */
  static WebexException malformed(WebexOperation operation, Response response, String body,
      JsonProcessingException problem) {
    var detail = new StringBuilder(operation.name()).append(" got ");
    if (body == null || body.isBlank()) {
      detail.append("an empty response");
    } else {
      detail.append("a malformed response");
      if (problem != null && operation != WebexOperation.ACCESS_TOKEN) {
        detail.append(" (").append(snippet(operation, String.valueOf(problem.getOriginalMessage()))).append(')');
      }
      detail.append(": ").append(snippet(operation, body));
    }
    return new WebexException(operation, response.code(), null, List.of(), response.header("Trackingid"),
        detail.toString(), null);
  }

  /** The exception for a call that got no HTTP response. */
  static WebexException unreachable(WebexOperation operation, IOException cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new WebexException(operation, 0, null, List.of(), null,
        "could not reach Webex for " + operation + ": " + reason, cause);
  }

  /** The start of a body, on one line; never for the token exchange, whose body carries tokens. */
  static String snippet(WebexOperation operation, String body) {
    if (operation == WebexOperation.ACCESS_TOKEN) {
      return "(body not shown)";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= SNIPPET_LENGTH ? oneLine : oneLine.substring(0, SNIPPET_LENGTH) + "…";
  }

  private static JsonNode readTree(ObjectMapper mapper, String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /**
   * An {@code errorCode}, a number (Webex Calling, e.g. 4008) or a numeric string; anything else, or a code already
   * seen, is left out. wxc_sdk reads the same field ({@code ErrorDetail.error_code}, {@code SingleError.error_code}).
   */
  private static void addCode(List<Integer> codes, JsonNode node) {
    if (node == null || node.isNull()) return;
    Integer code = null;
    if (node.canConvertToInt() && node.isIntegralNumber()) {
      code = node.intValue();
    } else if (node.isTextual() && node.asText().strip().matches("\\d{1,9}")) {
      code = Integer.parseInt(node.asText().strip());
    }
    if (code != null && !codes.contains(code)) codes.add(code);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
