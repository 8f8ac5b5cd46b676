package dev.switchboard.chat;

import java.util.Locale;

/** What became of a delivery (a Webex webhook, a Slack request), for metrics and tests. */
public enum Fate {
  STARTED, DUPLICATE, FROM_BOT, BUSY, IGNORED,
  /** Verified, but not ours to run: another workspace, a foreign response URL, a message too old. */
  REFUSED;

  /** The request attribute a front end sets so metrics can tell what became of the request. */
  public static final String ATTRIBUTE = "switchboard.fate";

  /** The name metrics report, e.g. {@code from_bot}. */
  public String metric() {
    return name().toLowerCase(Locale.ROOT);
  }
}
