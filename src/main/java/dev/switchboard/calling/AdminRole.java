package dev.switchboard.calling;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The Webex org admin roles Switchboard's policy understands, decoded from People API role ids. */
public enum AdminRole {
  FULL_ADMIN("id_full_admin"),
  USER_ADMIN("id_user_admin"),
  READ_ONLY_ADMIN("id_readonly_admin");

  /** Webex's name for the role, the last segment of the decoded id, e.g. {@code id_full_admin}. */
  private final String roleName;

  AdminRole(String roleName) {
    this.roleName = roleName;
  }

  /**
   * Decodes a People API role id ({@code roles[]}). Anything that is not base64 of a
   * {@code ciscospark://<region>/ROLE/<name>} URI naming one of these roles is empty.
   */
  public static Optional<AdminRole> fromRoleId(String roleId) {
    if (roleId == null || roleId.isBlank()) {
      return Optional.empty();
    }
    String decoded = decode(roleId.strip());
    if (decoded == null || !decoded.startsWith("ciscospark://")) {
      return Optional.empty();
    }
    String[] segments = decoded.split("/");
    if (segments.length < 2 || !segments[segments.length - 2].equals("ROLE")) {
      return Optional.empty();
    }
    String name = segments[segments.length - 1];
    for (AdminRole role : values()) {
      if (role.roleName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  private static String decode(String id) {
    // Webex ids are base64url without padding; accept the standard alphabet and padding too.
    for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getUrlDecoder(), Base64.getDecoder()}) {
      try {
        return new String(decoder.decode(id), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notThisAlphabet) {
        // try the next one
      }
    }
    return null;
  }
}
