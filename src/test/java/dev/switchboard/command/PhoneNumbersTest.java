package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PhoneNumbersTest {

  @ParameterizedTest(name = "{0} in {1} is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      +12147691003        | US | +12147691003
      214-769-1003        | US | +12147691003
      (214) 769-1003      | US | +12147691003
      1 214 769 1003      | US | +12147691003
      214.769.1003        | us | +12147691003
      +1 205 555 3651     | US | +12055553651
      020 7946 0958       | GB | +442079460958
      07400 123456        | GB | +447400123456
      +44 20 7946 0958    | US | +442079460958
      0044 20 7946 0958   | GB | +442079460958
      011 44 20 7946 0958 | US | +442079460958
      098765 43210        | IN | +919876543210
      +91 98765 43210     | IN | +919876543210
      022 2345 6789       | IN | +912223456789
      02 9374 4000        | AU | +61293744000
      0412 345 678        | AU | +61412345678
      +61 412 345 678     | GB | +61412345678
      """)
  void validNumber_isNormalisedToE164(String typed, String region, String e164) {
    assertThat(PhoneNumbers.normalise(new DialString(typed), region)).isEqualTo(new NumberCheck.Valid(e164));
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      +1 555 0100         | US | +1 555 0100 is not a valid phone number in US.
      555-0100            | US | 555-0100 is not a valid phone number in US.
      911                 | US | 911 is not a valid phone number in US.
      +1205553650         | US | +1205553650 is not a valid phone number in US.
      07700 900123        | GB | 07700 900123 is not a valid phone number in GB.
      +44 20 7946         | US | +44 20 7946 is not a valid phone number in GB.
      0412 345            | AU | 0412 345 is not a valid phone number in AU.
      12345               | IN | 12345 is not a valid phone number in IN.
      +999 1234           | US | +999 1234 does not start with a known country code.
      2147691003          | XX | 2147691003 needs its country code, like +12147691003.
      """)
  void invalidNumber_isRejectedWithASentence(String typed, String region, String message) {
    assertThat(PhoneNumbers.normalise(new DialString(typed), region)).isEqualTo(new NumberCheck.Rejected(message));
  }

  @Test
  void internationalNumber_needsNoRegion() {
    assertThat(PhoneNumbers.normalise(new DialString("+12147691003"), null))
        .isEqualTo(new NumberCheck.Valid("+12147691003"));
  }

  @ParameterizedTest(name = "{0} from Webex in {1} shows as {2}")
  @CsvSource(delimiter = '|', textBlock = """
      214-769-1003     | US | +12147691003
      +1 214-769-1003  | US | +12147691003
      +12055553651     | US | +12055553651
      +1205553650      | US | +1205553650
      020 7946 0958    | GB | +442079460958
      5551234          | US | 5551234
      ext 1234         | US | ext 1234
      +999 1234        | US | +999 1234
      214-769-1003     | ZZ | 214-769-1003
      """)
  void display_isE164WhenValidElseExactlyAsGiven(String fromWebex, String region, String shown) {
    assertThat(PhoneNumbers.display(fromWebex, region)).isEqualTo(shown);
  }

  @Test
  void display_ofMissingNumber_isAsGiven() {
    assertThat(PhoneNumbers.display(null, "US")).isNull();
    assertThat(PhoneNumbers.display("", "US")).isEmpty();
  }

  private static final AssumedRegion LONDON =
      new AssumedRegion("GB", "the country of Pat Plain's location London", "US");

  @Test
  void rejection_namesTheCountryAssumedAndWhy_andTheFix() {
    assertThat(PhoneNumbers.normalise(new DialString("(205) 555-3699"), LONDON, NumberUse.TRANSFER_NUMBER))
        .isEqualTo(new NumberCheck.Rejected("(205) 555-3699 is not a valid phone number in GB, the country of "
            + "Pat Plain's location London. Add +1 if it is a US number: +12055553699."));
  }

  @Test
  void rejection_countryCodeWithoutPlus_offersThePlus() {
    assertThat(PhoneNumbers.normalise(new DialString("44 20 7946 0958"), new AssumedRegion("US", "the default region",
        "US"), NumberUse.TRANSFER_NUMBER))
        .isEqualTo(new NumberCheck.Rejected("44 20 7946 0958 is not a valid phone number in US, the default region. "
            + "If it starts with its country code, add +: +442079460958."));
  }

  @ParameterizedTest(name = "{0} is extension {1}")
  @CsvSource(delimiter = '|', textBlock = """
      x1234            | 1234
      X1234            | 1234
      ext. 1234        | 1234
      ext 1234         | 1234
      extension 1234   | 1234
      ext.1234         | 1234
      tel:;ext=1234    | 1234
      """)
  void extensionAlone_isAcceptedForATransferNumber(String typed, String digits) {
    assertThat(PhoneNumbers.normalise(new DialString(typed), LONDON, NumberUse.TRANSFER_NUMBER))
        .isEqualTo(new NumberCheck.Extension(digits));
  }

  @ParameterizedTest(name = "{0} is refused for intercept")
  @CsvSource(textBlock = """
      x1234
      ext. 1234
      ext 1234
      """)
  void extensionAlone_isRefusedForAnInterceptDestination_withTheOneReason(String typed) {
    assertThat(PhoneNumbers.normalise(new DialString(typed), "US"))
        .isEqualTo(new NumberCheck.Rejected(PhoneNumbers.extensionRefused(typed, NumberUse.INTERCEPT_DESTINATION)));
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource(textBlock = """
      +12145550100 x1234
      214-555-0100 ext. 1234
      tel:+12145550100;ext=1234
      """)
  void numberWithAnExtension_isRefusedEverywhere_sayingWhatToGive(String typed) {
    NumberCheck transfer = PhoneNumbers.normalise(new DialString(typed), LONDON, NumberUse.TRANSFER_NUMBER);
    NumberCheck intercept = PhoneNumbers.normalise(new DialString(typed), "US");

    assertThat(transfer).isInstanceOf(NumberCheck.Rejected.class);
    assertThat(((NumberCheck.Rejected) transfer).message()).contains("Webex cannot dial after the number")
        .contains("or the extension alone (x1234)");
    assertThat(((NumberCheck.Rejected) intercept).message()).contains("Webex cannot dial after the number")
        .doesNotContain("extension alone");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      tel:+12147691003                        | +12147691003
      tel:+1-214-769-1003                     | +12147691003
      TEL:+44-20-7946-0958                    | +442079460958
      tel:2147691003;phone-context=+1         | +12147691003
      """)
  void telUri_isAccepted(String typed, String e164) {
    assertThat(PhoneNumbers.normalise(new DialString(typed), "US")).isEqualTo(new NumberCheck.Valid(e164));
    assertThat(PhoneNumbers.normalise(new DialString(typed), LONDON, NumberUse.TRANSFER_NUMBER))
        .isEqualTo(new NumberCheck.Valid(e164));
  }

  @Test
  void readable_groupsAValidNumber_andLeavesOthersAsTheyAre() {
    assertThat(PhoneNumbers.readable("214-555-0100", "US")).isEqualTo("+1 214 555 0100");
    assertThat(PhoneNumbers.readable("+1205553650", "US")).isEqualTo("+1205553650");
  }
}
