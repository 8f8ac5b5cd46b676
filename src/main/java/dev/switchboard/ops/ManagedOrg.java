package dev.switchboard.ops;

import dev.switchboard.calling.Identity;
import dev.switchboard.calling.WebexClient;

/**
 * The organisation Switchboard manages: {@code WEBEX_ORG_ID} when set, otherwise the admin token's
 * own org, asked of Webex once and then remembered.
 */
public final class ManagedOrg {

  private final WebexClient client;
  private volatile String orgId;

  public ManagedOrg(WebexClient client, String configuredOrgId) {
    this.client = client;
    this.orgId = configuredOrgId;
  }

  public String id() {
    String id = orgId;
    if (id == null) {
      synchronized (this) {
        if (orgId == null) orgId = client.me(Identity.ADMIN).orgId();
        id = orgId;
      }
    }
    return id;
  }
}
