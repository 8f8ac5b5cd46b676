package dev.switchboard.command;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone number as the user typed it, checked only for its shape: digits, {@code +}, spaces, {@code -}, {@code .}
 * and parentheses, with 3 to 20 digits; or a {@code tel:} URI of one; and either may carry an extension
 * ({@code x1234}, {@code ext. 1234}, {@code ext 1234}, {@code extension 1234}, {@code ;ext=1234}), or be an extension
 * alone. {@link PhoneNumbers#normalise} validates it for a region and a field later.
 */
public record DialString(String raw) {

  private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ().\\-]+");
  private static final Pattern TEL = Pattern.compile("(?i)^tel:\\s*");
  /** RFC 3966 parameters other than the extension (phone-context, isub) say nothing a Webex field keeps. */
  private static final Pattern TEL_PARAMS = Pattern.compile("(?i);(?!ext=)[a-z-]+=[^;]*");
  private static final Pattern PHONE_CONTEXT = Pattern.compile("(?i);phone-context=(\\+[0-9]{1,3})(?=;|$)");
  private static final Pattern EXTENSION = Pattern.compile(
      "(?i)^(.*?)[\\s,]*(?:;ext=|\\bext\\.?|\\bextension\\b|(?<=^|[\\d\\s])x)\\s*([0-9]+)$");
  static final int MIN_DIGITS = 3;
  static final int MAX_DIGITS = 20;
  /** Webex Calling extensions have 2 to 10 digits. */
  static final int MIN_EXTENSION_DIGITS = 2;
  static final int MAX_EXTENSION_DIGITS = 10;

  /** The number without {@code tel:} and without its extension: empty for an extension alone. */
  public String number() {
    return split()[0];
  }

  /** The extension, when one was given; empty otherwise. */
  public Optional<String> extension() {
    return Optional.ofNullable(split()[1]);
  }

  private String[] split() {
    return split(raw);
  }

  private static String[] split(String text) {
    String uri = TEL.matcher(text.strip()).replaceFirst("");
    // RFC 3966: a local number's phone-context may be its country code ("+1"), which makes it global
    Matcher context = PHONE_CONTEXT.matcher(uri);
    String prefix = context.find() && !uri.startsWith("+") && !uri.startsWith(";") ? context.group(1) + " " : "";
    String t = prefix + TEL_PARAMS.matcher(uri).replaceAll("").strip();
    Matcher m = EXTENSION.matcher(t);
    return m.matches() ? new String[] {m.group(1).strip(), m.group(2)} : new String[] {t, null};
  }

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

  /**
   * Whether {@code text} is shaped like a phone number (3 to 20 digits, a leading {@code +} at most once), perhaps as
   * a {@code tel:} URI, perhaps with an extension, or an extension alone (2 to 10 digits).
   */
  public static boolean isWellFormed(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    String[] parts = split(text);
    String number = parts[0];
    String extension = parts[1];
    if (extension != null && (extension.length() < MIN_EXTENSION_DIGITS || extension.length() > MAX_EXTENSION_DIGITS)) {
      return false;
    }
    if (number.isEmpty()) {
      return extension != null;
    }
    if (!SHAPE.matcher(number).matches()) {
      return false;
    }
    long digits = number.chars().filter(Character::isDigit).count();
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS;
  }

  @Override
  public String toString() {
    return raw;
  }
}
