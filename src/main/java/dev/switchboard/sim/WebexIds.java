package dev.switchboard.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Webex-style ids: base64 (unpadded) of {@code ciscospark://us/TYPE/uuid}.
 *
 * <p>The URL-safe alphabet is used so an id never holds a '/', which would break a path segment;
 * for the ASCII content of these ids the two alphabets almost always agree, and the known role ids
 * come out exactly as Webex publishes them.
 */
final class WebexIds {

  static final String PEOPLE = "PEOPLE";
  static final String ROOM = "ROOM";
  static final String MESSAGE = "MESSAGE";
  static final String LOCATION = "LOCATION";
  static final String WEBHOOK = "WEBHOOK";
  static final String ATTACHMENT_ACTION = "ATTACHMENT_ACTION";
  static final String ORGANIZATION = "ORGANIZATION";
  static final String ROLE = "ROLE";
  static final String APPLICATION = "APPLICATION";

  private static final String PREFIX = "ciscospark://us/";

  private WebexIds() {}

  static String encode(String type, String value) {
    byte[] raw = (PREFIX + type + "/" + value).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** A stable id for a seeded object, derived from a name that is unique within its type. */
  static String seeded(String type, String name) {
    UUID uuid = UUID.nameUUIDFromBytes(("switchboard-demo/" + type + "/" + name).getBytes(StandardCharsets.UTF_8));
    return encode(type, uuid.toString());
  }

  /** A fresh id for an object created at run time (never repeats across runs). */
  static String random(String type) {
    return encode(type, UUID.randomUUID().toString());
  }

  /**
   * The uuid an id carries: the last segment of a decoded Webex id, or the id itself when it is a bare uuid (as
   * Control Hub shows org ids). The simulator decodes on its own rather than through the client's code, so a
   * decoding mistake in one is not mirrored in the other.
   */
  static String uuidOf(String id) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(id.replace('+', '-').replace('/', '_').replace("=", "")),
          StandardCharsets.UTF_8);
      if (decoded.startsWith(PREFIX)) {
        return decoded.substring(decoded.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
      }
    } catch (IllegalArgumentException notBase64) {
      // a bare uuid is not base64 of a Webex id
    }
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  /** The type part of an id ("PEOPLE", "ROOM", ...), if the id decodes as a Webex id. */
  static Optional<String> typeOf(String id) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(id.replace('+', '-').replace('/', '_')),
          StandardCharsets.UTF_8);
      if (!decoded.startsWith(PREFIX)) {
        return Optional.empty();
      }
      String rest = decoded.substring(PREFIX.length());
      int slash = rest.indexOf('/');
      return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
