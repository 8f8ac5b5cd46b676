package dev.switchboard.command;

import java.util.Objects;

/**
 * The country a typed national number is read in, and why it was assumed, for the error that names both: {@code GB},
 * "from Pat Plain's location London". {@code alternative} is the org's default region, offered as a fix when the
 * number is valid there ("add +1 if it is a US number"); null offers none.
 */
public record AssumedRegion(String code, String reason, String alternative) {

  public AssumedRegion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
