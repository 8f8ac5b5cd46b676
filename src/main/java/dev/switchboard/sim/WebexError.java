package dev.switchboard.sim;

import java.util.Map;

/** A Webex-style error answer: status, message (also the single error description), extra headers. */
final class WebexError extends RuntimeException {

  static final String NOT_FOUND = "The requested resource could not be found.";
  static final String UNAUTHORIZED =
      "The request requires a valid access token set in the Authorization request header.";

  /**
   * Webex Calling's code for an object it cannot find: its 404s carry {@code errors[].errorCode} 4008 (wxc_sdk's
   * own tests expect exactly that pair, {@code status_code != 404 or e.code != 4008}, in
   * tests/test_telephony_voicemail_group.py). The People, Messages and Webhooks answers carry no code.
   */
  static final int CALLING_NOT_FOUND = 4008;

  private final int status;
  private final Map<String, String> headers;
  private final Integer errorCode;

  WebexError(int status, String message) {
    this(status, message, Map.of());
  }

  WebexError(int status, String message, Map<String, String> headers) {
    this(status, message, headers, null);
  }

  private WebexError(int status, String message, Map<String, String> headers, Integer errorCode) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.errorCode = errorCode;
  }

  /** A Webex Calling 404: {@code [Error 4008] ...} with {@code errorCode} 4008. */
  static WebexError callingNotFound(String message) {
    return new WebexError(404, "[Error " + CALLING_NOT_FOUND + "] " + message, Map.of(), CALLING_NOT_FOUND);
  }

  /** The code sent as {@code errors[].errorCode}, or null for none. */
  Integer errorCode() {
    return errorCode;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  static WebexError badRequest(String message) {
    return new WebexError(400, message);
  }

  static WebexError unauthorized() {
    return new WebexError(401, UNAUTHORIZED);
  }

  static WebexError forbidden(String message) {
    return new WebexError(403, message);
  }

  static WebexError notFound() {
    return new WebexError(404, NOT_FOUND);
  }

  static WebexError notFound(String message) {
    return new WebexError(404, message);
  }

  /** The message Webex-like services use for a status when nothing more specific applies. */
  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "The request was invalid or cannot be otherwise served.";
      case 401 -> UNAUTHORIZED;
      case 403 -> "The server understood the request, but refused to fulfill it.";
      case 404 -> NOT_FOUND;
      case 405 -> "The request was made to a resource using an HTTP request method that is not supported.";
      case 409 -> "The request could not be processed because it conflicts with some established rule of the system.";
      case 423 -> "The requested resource is temporarily unavailable.";
      case 429 -> "Too many requests have been sent in a given amount of time and the request has been rate limited.";
      case 500 -> "Something went wrong on the server.";
      case 502 -> "The server received an invalid response from an upstream server while processing the request.";
      case 503 -> "Server is overloaded with requests. Try again later.";
      case 504 -> "An upstream server failed to respond on time.";
      default -> "HTTP " + status;
    };
  }
}
