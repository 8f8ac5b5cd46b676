package dev.switchboard.command;

/**
 * The Webex field a typed number goes into, and whether an extension alone may go there. From the Webex Calling
 * spec's descriptions: a person's auto transfer numbers are numbers calls "will be transferred to" inside Webex
 * Calling, so an extension of the organisation works there; the location intercept's destinations are described as
 * a "phone number" (newNumber: "destination phone number to be announced" to outside callers; outgoing: "outgoing
 * destination phone number"; zeroTransfer the same object), so they take full phone numbers only.
 */
public enum NumberUse {
  TRANSFER_NUMBER("a transfer number", true),
  INTERCEPT_DESTINATION("an intercept destination", false);

  private final String words;
  private final boolean extensionAllowed;

  NumberUse(String words, boolean extensionAllowed) {
    this.words = words;
    this.extensionAllowed = extensionAllowed;
  }

  /** The field in words, for errors: "a transfer number". */
  public String words() {
    return words;
  }

  public boolean extensionAllowed() {
    return extensionAllowed;
  }
}
