package dev.switchboard.command;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number as the user typed it, checked only for its shape: digits, {@code +}, spaces, {@code -}, {@code .}
 * and parentheses, with 3 to 20 digits. {@link PhoneNumbers#normalise} validates it for a region later.
 */
public record DialString(String raw) {

  private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ().\\-]+");
  static final int MIN_DIGITS = 3;
  static final int MAX_DIGITS = 20;

  public DialString {
    Objects.requireNonNull(raw, "raw");
    raw = raw.strip();
    if (!isWellFormed(raw)) {
      throw new IllegalArgumentException("Not a dial string: " + raw);
    }
  }

  /** The dial string for {@code text}, or empty when it is not shaped like a phone number. */
  public static Optional<DialString> parse(String text) {
    return text != null && isWellFormed(text.strip()) ? Optional.of(new DialString(text)) : Optional.empty();
  }

  /** Whether {@code text} is shaped like a phone number (3 to 20 digits, a leading {@code +} at most once). */
  public static boolean isWellFormed(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return false;
    }
    long digits = text.chars().filter(Character::isDigit).count();
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS;
  }

  @Override
  public String toString() {
    return raw;
  }
}
