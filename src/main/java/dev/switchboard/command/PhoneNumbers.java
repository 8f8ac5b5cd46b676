package dev.switchboard.command;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;

/** Phone numbers in and out: typed numbers validated to E.164, numbers from Webex tidied for display. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String UNKNOWN_REGION = "ZZ";

  private PhoneNumbers() {}

  /**
   * Validates a typed number and gives its E.164 form. A national number is read as dialled in
   * {@code regionCode} (ISO 3166 alpha-2, e.g. {@code US}); a number starting with {@code +} or an
   * international prefix may be from any country.
   */
  public static NumberCheck normalise(DialString number, String regionCode) {
    Objects.requireNonNull(number, "number");
    String region = region(regionCode);
    String raw = number.raw();
    try {
      PhoneNumber parsed = UTIL.parseAndKeepRawInput(raw, region);
      if (UTIL.isValidNumber(parsed)) {
        return new NumberCheck.Valid(UTIL.format(parsed, PhoneNumberFormat.E164));
      }
      boolean national = parsed.getCountryCodeSource() == PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY;
      String where = national ? region : UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
      return new NumberCheck.Rejected(raw + " is not a valid phone number" + in(where) + ".");
    } catch (NumberParseException e) {
      return new NumberCheck.Rejected(switch (e.getErrorType()) {
        case INVALID_COUNTRY_CODE -> raw.startsWith("+")
            ? raw + " does not start with a known country code."
            : raw + " needs its country code, like +12147691003.";
        case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> raw + " is too short to be a phone number.";
        case TOO_LONG -> raw + " is too long to be a phone number.";
        default -> raw + " is not a valid phone number" + in(region) + ".";
      });
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
    try {
      PhoneNumber parsed = UTIL.parse(numberFromWebex, region(regionCode));
      return UTIL.isValidNumber(parsed)
          ? UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL).replaceAll("[\\-()]", " ").replaceAll(" +", " ")
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
