package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Webex location, from {@code /locations} or {@code /telephony/config/locations}.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/locations">Locations</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(String id, String name, String orgId, String timeZone, String preferredLanguage,
    Address address) {}
