package dev.switchboard.command;

import java.util.Objects;

/** The result of validating a typed phone number: E.164, an extension where the field takes one, or a sentence saying why not. */
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

  /** An extension alone ({@code x1234}), for a field that takes one: its digits, e.g. {@code 1234}. */
  record Extension(String digits) implements NumberCheck {
    public Extension {
      Objects.requireNonNull(digits, "digits");
      if (!digits.matches("[0-9]{2,10}")) {
        throw new IllegalArgumentException("Not an extension: " + digits);
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
