package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A Webex person. {@code roles} (opaque base64 ids) and {@code locationId} are present only when an admin
 * token reads {@code /people/{id}} ({@code locationId} with {@code callingData=true}).
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/people/get-person-details">Get Person Details</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String id, List<String> emails, String displayName, String firstName, String lastName,
    String orgId, List<String> roles, String locationId, String type, List<PhoneNumber> phoneNumbers) {

  public Person {
    emails = emails == null ? null : List.copyOf(emails);
    roles = roles == null ? null : List.copyOf(roles);
    phoneNumbers = phoneNumbers == null ? null : List.copyOf(phoneNumbers);
  }

  /** The first email address, or null. */
  public String email() {
    return emails == null || emails.isEmpty() ? null : emails.get(0);
  }

  /** Whether this is a bot account (Webex {@code type} "bot"). */
  @JsonIgnore
  public boolean isBot() {
    return "bot".equals(type);
  }

  /** The admin roles among {@code roles}, decoded. */
  public Set<AdminRole> adminRoles() {
    var result = EnumSet.noneOf(AdminRole.class);
    if (roles != null) {
      roles.forEach(id -> AdminRole.fromRoleId(id).ifPresent(result::add));
    }
    return Collections.unmodifiableSet(result);
  }
}
