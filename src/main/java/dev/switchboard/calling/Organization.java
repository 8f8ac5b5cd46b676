package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Webex organisation.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/organizations/get-organization-details">Get Organization Details</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(String id, String displayName) {}
