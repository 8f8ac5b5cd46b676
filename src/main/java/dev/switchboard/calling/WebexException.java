package dev.switchboard.calling;

import java.util.List;
import java.util.Map;

/**
 * A Webex call that failed: an HTTP error, a response we could not read, or no response at all.
 * Its message reads like {@code [404 Not Found] Location not found [Tracking ID: ROUTER_xxx]}.
 */
public class WebexException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(200, "OK"),
      Map.entry(201, "Created"),
      Map.entry(202, "Accepted"),
      Map.entry(204, "No Content"),
      Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"),
      Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"),
      Map.entry(409, "Conflict"),
      Map.entry(410, "Gone"),
      Map.entry(415, "Unsupported Media Type"),
      Map.entry(423, "Locked"),
      Map.entry(428, "Precondition Required"),
      Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"),
      Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"));

  private final WebexOperation operation;
  private final int status;
  private final String webexMessage;
  private final List<String> descriptions;
  private final String trackingId;
  private final List<Integer> errorCodes;

  /** As {@link #WebexException(WebexOperation, int, String, List, List, String, String, Throwable)}, without error codes. */
  public WebexException(WebexOperation operation, int status, String webexMessage, List<String> descriptions,
      String trackingId, String detail, Throwable cause) {
    this(operation, status, webexMessage, descriptions, List.of(), trackingId, detail, cause);
  }

  /**
   * @param status the HTTP status, 0 when Webex could not be reached
   * @param webexMessage Webex's {@code message}, may be null
   * @param descriptions Webex's {@code errors[].description}, may be null
   * @param errorCodes Webex's {@code errorCode}s (top level, then {@code errors[].errorCode}), may be null
   * @param trackingId the {@code Trackingid} of the response, may be null
   * @param detail what to say when Webex said nothing (a body snippet, an I/O message), may be null
   */
  public WebexException(WebexOperation operation, int status, String webexMessage, List<String> descriptions,
      List<Integer> errorCodes, String trackingId, String detail, Throwable cause) {
    super(format(operation, status, webexMessage, descriptions, errorCodes, trackingId, detail), cause);
    this.errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
    this.operation = operation;
    this.status = status;
    this.webexMessage = webexMessage;
    this.descriptions = descriptions == null ? List.of() : List.copyOf(descriptions);
    this.trackingId = trackingId;
  }

  /** The HTTP status, 0 when Webex could not be reached. */
  public int status() {
    return status;
  }

  /** Webex's {@code message}, or null. */
  public String webexMessage() {
    return webexMessage;
  }

  /** Webex's {@code errors[].description}, possibly empty. */
  public List<String> descriptions() {
    return descriptions;
  }

  /**
   * Webex's own error codes, e.g. 4008; Webex Calling answers carry them ({@code errors[].errorCode}), other APIs
   * often do not. Possibly empty; never the HTTP status alone.
   */
  public List<Integer> errorCodes() {
    return errorCodes;
  }

  /** Whether Webex answered with this {@code errorCode}. */
  public boolean hasErrorCode(int code) {
    return errorCodes.contains(code);
  }

  /** The tracking id Webex answered with, or null. */
  public String trackingId() {
    return trackingId;
  }

  /** The operation that failed. */
  public WebexOperation operation() {
    return operation;
  }

  /** The standard reason phrase for an HTTP status, e.g. "Not Found". */
  static String reason(int status) {
    if (status == 0) {
      return "No Response";
    }
    String reason = REASONS.get(status);
    if (reason != null) {
      return reason;
    }
    return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Unexpected Status";
  }

  private static String format(WebexOperation operation, int status, String webexMessage,
      List<String> descriptions, List<Integer> errorCodes, String trackingId, String detail) {
    var text = new StringBuilder();
    text.append('[').append(status).append(' ').append(reason(status)).append("] ");
    if (webexMessage != null && !webexMessage.isBlank()) {
      text.append(webexMessage.strip());
    } else if (descriptions != null && !descriptions.isEmpty()) {
      text.append(String.join("; ", descriptions));
    } else if (detail != null && !detail.isBlank()) {
      text.append(detail);
    } else {
      text.append(operation).append(" failed");
    }
    if (errorCodes != null && !errorCodes.isEmpty()) {
      text.append(errorCodes.size() == 1 ? " (error " : " (errors ");
      text.append(String.join(", ", errorCodes.stream().map(String::valueOf).toList())).append(')');
    }
    if (trackingId != null && !trackingId.isBlank()) {
      text.append(" [Tracking ID: ").append(trackingId).append(']');
    }
    return text.toString();
  }
}
