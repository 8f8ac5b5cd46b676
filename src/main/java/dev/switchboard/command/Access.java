package dev.switchboard.command;

/**
 * What a command needs. The wording of who may run it lives here only: help, refusals and the README's table say
 * the same; the operations layer maps a requester's roles to these.
 */
public enum Access {
  ANYONE("anyone in the organisation"),
  READ_INTERCEPT("any admin, %s, the help desk or the on-call list"),
  CHANGE_INTERCEPT("a full or user admin, %s or the on-call list"),
  READ_TRANSFER("any admin, %s or the help desk"),
  CHANGE_TRANSFER("a full or user admin or %s"),
  READ_LOCATIONS("any admin, %s, the help desk or the on-call list"),
  READ_HISTORY("any admin, %s or the on-call list"),
  OWN_CHANGE("a change of your own to take back"),
  PENDING_REQUESTER("a change of yours waiting for confirmation");

  /** "Any admin" is full, user or read-only; the location admin phrase goes where {@code %s} is. */
  private final String wording;

  Access(String wording) {
    this.wording = wording;
  }

  /** Who may run such a command under the default policy, to follow "needs", e.g. "any admin or the help desk". */
  public String needs() {
    return needs(null);
  }

  /** As {@link #needs()}, naming the location admin of {@code locationName} when one is known. */
  public String needs(String locationName) {
    return wording.replace("%s", locationName == null ? "a location admin" : "the location admin of " + locationName);
  }

  /** Whether a command needing this changes something (Webex, or what is planned). */
  public boolean changes() {
    return this == CHANGE_INTERCEPT || this == CHANGE_TRANSFER || this == OWN_CHANGE;
  }

  /** Whether this is a right a role gives (not something everyone has, such as help or taking back one's own change). */
  public boolean needsARole() {
    return this != ANYONE && this != OWN_CHANGE && this != PENDING_REQUESTER;
  }
}
