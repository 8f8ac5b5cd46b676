package dev.switchboard.command;

import java.util.Objects;

/** The result of validating a typed phone number: E.164, or a sentence saying why not. */
public sealed interface NumberCheck {

  /** A valid number in E.164 form, e.g. {@code +12147691003}. */
  record Valid(String e164) implements NumberCheck {
    public Valid {
      Objects.requireNonNull(e164, "e164");
      if (!e164.matches("\\+[1-9][0-9]{1,14}")) {
        throw new IllegalArgumentException("Not E.164: " + e164);
      }
    }
  }

  /** The number was refused; {@code message} is a sentence to show the user. */
  record Rejected(String message) implements NumberCheck {
    public Rejected {
      Objects.requireNonNull(message, "message");
    }
  }
}
