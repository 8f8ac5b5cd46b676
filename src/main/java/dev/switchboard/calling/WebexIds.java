package dev.switchboard.calling;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Webex ids as the REST API writes them: base64 of {@code ciscospark://us/TYPE/uuid}; Control Hub shows the bare
 * uuid. Two ids name the same thing when their uuids are equal, whichever form each is in (wxc_sdk's
 * {@code webex_id_to_uuid} decodes the same way: base64, then the last path segment).
 */
public final class WebexIds {

  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
      + "[0-9a-fA-F]{12}");
  private static final String SCHEME = "ciscospark://";

  private WebexIds() {}

  /** Whether {@code id} is a bare uuid, as Control Hub shows an org id. */
  public static boolean isUuid(String id) {
    return id != null && UUID.matcher(id.strip()).matches();
  }

  /**
   * The uuid inside a Webex id (lower case); a bare uuid as it is (lower case); anything that decodes to
   * neither, unchanged, so that it still compares equal only to itself.
   */
  public static String uuidOf(String id) {
    Objects.requireNonNull(id, "id");
    String value = id.strip();
    if (isUuid(value)) return value.toLowerCase(Locale.ROOT);
    String decoded = decode(value);
    if (decoded == null || !decoded.startsWith(SCHEME)) return value;
    String last = decoded.substring(decoded.lastIndexOf('/') + 1);
    return isUuid(last) ? last.toLowerCase(Locale.ROOT) : last;
  }

  /** Whether two ids, each a Webex id or a bare uuid, name the same object; null names nothing. */
  public static boolean same(String a, String b) {
    return a != null && b != null && uuidOf(a).equals(uuidOf(b));
  }

  private static String decode(String value) {
    // Webex writes the standard alphabet without padding; accept the URL-safe one and padding too.
    String standard = value.replace('-', '+').replace('_', '/');
    while (standard.length() % 4 != 0) standard += "=";
    try {
      return new String(Base64.getDecoder().decode(standard), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
