package dev.switchboard.sim;

/**
 * Who a bearer token speaks for.
 *
 * @param kind admin (the Service App), the bot, or a person
 * @param name "admin", "bot" or the person's email, as recorded in {@link RecordedCall#identity()}
 * @param orgId the org whose rate-limit bucket the token draws from
 * @param personId the person (or bot, or machine account) behind the token
 */
record Identity(Kind kind, String name, String orgId, String personId) {

  static final String ANONYMOUS = "anonymous";

  enum Kind { ADMIN, BOT, PERSON }
}
