package dev.switchboard.command;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Phone numbers in and out: typed numbers validated to E.164, numbers from Webex tidied for display. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[\\-()]");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");
  private static final int READABLE_MAX = 4096;
  private static final java.util.Map<String, String> READABLE = new java.util.concurrent.ConcurrentHashMap<>();
  private static final String UNKNOWN_REGION = "ZZ";

  private PhoneNumbers() {}

  /**
   * Validates a typed number for a field that takes full phone numbers only (the intercept destinations) and gives
   * its E.164 form. A national number is read as dialled in {@code regionCode} (ISO 3166 alpha-2, e.g. {@code US});
   * a number starting with {@code +} or an international prefix may be from any country.
   */
  public static NumberCheck normalise(DialString number, String regionCode) {
    return check(number, region(regionCode), null, null, NumberUse.INTERCEPT_DESTINATION);
  }

  /**
   * Validates a typed number for {@code use}: E.164, or the extension alone where the field takes one. A refusal
   * names the country assumed and why, and the fix when there is an obvious one ("add +1 if it is a US number").
   */
  public static NumberCheck normalise(DialString number, AssumedRegion assumed, NumberUse use) {
    Objects.requireNonNull(assumed, "assumed");
    Objects.requireNonNull(use, "use");
    return check(number, region(assumed.code()), assumed.reason(), assumed.alternative(), use);
  }

  /** The one reason an extension is refused, wherever it is refused. */
  public static String extensionRefused(String typed, NumberUse use) {
    return typed + " is an extension, and " + use.words() + " must be a full phone number (Webex reads it out or "
        + "dials it as a phone number). Give the number, like +12147691003.";
  }

  private static NumberCheck check(DialString number, String region, String reason, String alternative,
      NumberUse use) {
    Objects.requireNonNull(number, "number");
    String raw = number.raw();
    String digits = number.number();
    var extension = number.extension();
    if (extension.isPresent()) {
      if (!digits.isEmpty()) {
        return new NumberCheck.Rejected(raw + " has an extension, which Webex cannot dial after the number. Give "
            + "the number alone (" + digits + ")" + (use.extensionAllowed()
                ? ", or the extension alone (x" + extension.get() + ") for someone in this organisation." : "."));
      }
      return use.extensionAllowed() ? new NumberCheck.Extension(extension.get())
          : new NumberCheck.Rejected(extensionRefused(raw, use));
    }
    try {
      PhoneNumber parsed = UTIL.parseAndKeepRawInput(digits, region);
      if (UTIL.isValidNumber(parsed)) {
        return new NumberCheck.Valid(UTIL.format(parsed, PhoneNumberFormat.E164));
      }
      boolean national = parsed.getCountryCodeSource() == PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY;
      if (!national) {
        return new NumberCheck.Rejected(raw + " is not a valid phone number"
            + in(UTIL.getRegionCodeForCountryCode(parsed.getCountryCode())) + ".");
      }
      return new NumberCheck.Rejected(raw + " is not a valid phone number" + in(region) + assumedWhy(reason) + "."
          + fix(digits, region, alternative));
    } catch (NumberParseException e) {
      return new NumberCheck.Rejected(switch (e.getErrorType()) {
        case INVALID_COUNTRY_CODE -> raw.startsWith("+")
            ? raw + " does not start with a known country code."
            : raw + " needs its country code, like +12147691003.";
        case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> raw + " is too short to be a phone number.";
        case TOO_LONG -> raw + " is too long to be a phone number.";
        default -> raw + " is not a valid phone number" + in(region) + assumedWhy(reason) + ".";
      });
    }
  }

  private static String assumedWhy(String reason) {
    return reason == null ? "" : ", " + reason;
  }

  /** The obvious fix, if there is one: the country code typed without its +, or a number of the org's country. */
  private static String fix(String digits, String region, String alternative) {
    if (alternative != null && !alternative.equalsIgnoreCase(region)) {
      String other = region(alternative);
      Optional<String> there = valid(digits, other);
      if (there.isPresent()) {
        return " Add +" + UTIL.getCountryCodeForRegion(other) + " if it is " + article(other) + " " + other
            + " number: " + there.get() + ".";
      }
    }
    Optional<String> withPlus = valid("+" + digits.replaceAll("[^0-9]", ""), UNKNOWN_REGION);
    return withPlus.map(n -> " If it starts with its country code, add +: " + n + ".").orElse("");
  }

  private static String article(String region) {
    return "AEFHILMNORSX".indexOf(region.charAt(0)) >= 0 && !region.startsWith("U") ? "an" : "a";
  }

  private static Optional<String> valid(String text, String region) {
    try {
      PhoneNumber parsed = UTIL.parse(text, region);
      return UTIL.isValidNumber(parsed) ? Optional.of(UTIL.format(parsed, PhoneNumberFormat.E164)) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A number read from Webex, for showing: E.164 when it parses as a valid number, otherwise exactly as
   * given (Webex's own data is never rejected; null stays null).
   */
  public static String display(String numberFromWebex, String regionCode) {
    if (numberFromWebex == null || numberFromWebex.isBlank()) {
      return numberFromWebex;
    }
    try {
      PhoneNumber parsed = UTIL.parse(numberFromWebex, region(regionCode));
      return UTIL.isValidNumber(parsed) ? UTIL.format(parsed, PhoneNumberFormat.E164) : numberFromWebex;
    } catch (NumberParseException e) {
      return numberFromWebex;
    }
  }

  /**
   * A number read from Webex, for people to read: international format in groups ({@code +1 214 555 0100}) when it
   * parses as a valid number, otherwise exactly as given, like {@link #display}.
   */
  public static String readable(String numberFromWebex, String regionCode) {
    if (numberFromWebex == null || numberFromWebex.isBlank()) {
      return numberFromWebex;
    }
    String key = regionCode + ' ' + numberFromWebex;
    String known = READABLE.get(key);
    if (known != null) return known;
    // An org's replies show the same few hundred numbers over and over; parsing one costs more than the rest of the
    // line. Bounded the simple way: when full, start again.
    if (READABLE.size() >= READABLE_MAX) READABLE.clear();
    String readable = format(numberFromWebex, regionCode);
    READABLE.put(key, readable);
    return readable;
  }

  private static String format(String numberFromWebex, String regionCode) {
    try {
      PhoneNumber parsed = UTIL.parse(numberFromWebex, region(regionCode));
      return UTIL.isValidNumber(parsed)
          ? SPACES.matcher(PUNCTUATION.matcher(UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL)).replaceAll(" "))
              .replaceAll(" ")
          : numberFromWebex;
    } catch (NumberParseException e) {
      return numberFromWebex;
    }
  }

  private static String region(String regionCode) {
    if (regionCode == null) {
      return UNKNOWN_REGION;
    }
    String region = regionCode.strip().toUpperCase(Locale.ROOT);
    return UTIL.getSupportedRegions().contains(region) ? region : UNKNOWN_REGION;
  }

  private static String in(String region) {
    return UTIL.getSupportedRegions().contains(region) ? " in " + region : "";
  }
}
