package dev.switchboard.command;

/** What a command needs; the operations layer maps a requester's roles to these. */
public enum Access {
  ANYONE("anyone in the organisation"),
  READ_INTERCEPT("an admin, help-desk or on-call role"),
  CHANGE_INTERCEPT("a full, user or location admin role, or the on-call list"),
  READ_TRANSFER("an admin or help-desk role"),
  CHANGE_TRANSFER("a full, user or location admin role"),
  READ_LOCATIONS("an admin, help-desk or on-call role"),
  READ_HISTORY("an admin role or the on-call list"),
  OWN_CHANGE("a change of your own to take back"),
  PENDING_REQUESTER("a change of yours waiting for confirmation");

  private final String needs;

  Access(String needs) {
    this.needs = needs;
  }

  /** What such a command needs under the default policy, as a phrase to follow "needs", e.g. "an admin role". */
  public String needs() {
    return needs;
  }
}
