package dev.switchboard.calling;

/**
 * Every Webex REST operation the client performs, with the identity whose token it uses and the OAuth
 * scope that token needs. The client sends each call with its operation's identity; metrics, the benchmark
 * and the manifest's scope check read these too.
 */
public enum WebexOperation {
  LIST_LOCATIONS(Identity.ADMIN, "spark-admin:locations_read"),
  GET_LOCATION(Identity.ADMIN, "spark-admin:locations_read"),
  LIST_CALLING_LOCATIONS(Identity.ADMIN, "spark-admin:telephony_config_read"),
  /** An org by its id, either form; WEBEX_ORG_ID is resolved through it at start. */
  GET_ORGANIZATION(Identity.ADMIN, "spark-admin:organizations_read"),
  LIST_PEOPLE(Identity.ADMIN, "spark-admin:people_read"),
  GET_PERSON(Identity.ADMIN, "spark-admin:people_read"),
  /** Used with both identities ({@link WebexClient#me(Identity)}); the admin identity is its default. */
  GET_ME(Identity.ADMIN, "spark:people_read"),
  GET_LOCATION_INTERCEPT(Identity.ADMIN, "spark-admin:telephony_config_read"),
  PUT_LOCATION_INTERCEPT(Identity.ADMIN, "spark-admin:telephony_config_write"),
  GET_TRANSFER_NUMBERS(Identity.ADMIN, "spark-admin:telephony_config_read"),
  PUT_TRANSFER_NUMBERS(Identity.ADMIN, "spark-admin:telephony_config_write"),
  /** A person's outgoing calling permissions: a People feature, so a People scope. */
  GET_PERSON_OUTGOING_PERMISSION(Identity.ADMIN, "spark-admin:people_read"),
  GET_LOCATION_OUTGOING_PERMISSION(Identity.ADMIN, "spark-admin:telephony_config_read"),
  GET_LOCATION_TRANSFER_NUMBERS(Identity.ADMIN, "spark-admin:telephony_config_read"),
  GET_MESSAGE(Identity.BOT, "spark:messages_read"),
  CREATE_MESSAGE(Identity.BOT, "spark:messages_write"),
  EDIT_MESSAGE(Identity.BOT, "spark:messages_write"),
  GET_ATTACHMENT_ACTION(Identity.BOT, "spark:messages_read"),
  // Webex names no scope of its own for /webhooks: a webhook needs read scope on the resource it
  // watches, and ours watch messages and attachmentActions.
  LIST_WEBHOOKS(Identity.BOT, "spark:messages_read"),
  GET_WEBHOOK(Identity.BOT, "spark:messages_read"),
  CREATE_WEBHOOK(Identity.BOT, "spark:messages_read"),
  UPDATE_WEBHOOK(Identity.BOT, "spark:messages_read"),
  DELETE_WEBHOOK(Identity.BOT, "spark:messages_read"),
  // The token exchange authenticates with the client id and secret, not with a bearer token, so it
  // needs no scope; it is listed here so its calls are reported like every other.
  ACCESS_TOKEN(Identity.ADMIN, "");

  private final Identity identity;
  private final String scope;

  WebexOperation(Identity identity, String scope) {
    this.identity = identity;
    this.scope = scope;
  }

  /** The identity whose token this operation uses by default. */
  public Identity identity() {
    return identity;
  }

  /** The OAuth scope the token needs, e.g. {@code spark-admin:telephony_config_read}; empty for ACCESS_TOKEN. */
  public String scope() {
    return scope;
  }
}
