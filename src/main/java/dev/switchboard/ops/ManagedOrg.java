package dev.switchboard.ops;

import dev.switchboard.calling.Identity;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexIds;

/**
 * The organisation Switchboard manages: {@code WEBEX_ORG_ID} when set (resolved at start to Webex's own id), otherwise
 * the admin token's own org, asked of Webex once and then remembered. Org ids are compared by the uuid inside them
 * ({@link #contains}): Control Hub shows the bare uuid, the People API the base64 id.
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

  /** Whether {@code orgId} (either form) is this org. */
  public boolean contains(String orgId) {
    return WebexIds.same(id(), orgId);
  }
}
