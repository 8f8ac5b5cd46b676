package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.slack.SlackSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class SlackSignatureTest {

  // Slack's published example (api.slack.com/authentication/verifying-requests-from-slack).
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  private static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
      + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
      + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
      + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);

  private static SlackSignature at(long epochSecond) {
    return new SlackSignature(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static final SlackSignature THEN = at(Long.parseLong(TIMESTAMP));

  @Test
  void sign_slackPublishedExample_matches() {
    assertThat(THEN.sign(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void verify_slackPublishedExample_valid() {
    assertThat(THEN.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void verify_upperCaseHex_valid() {
    assertThat(THEN.verify(TIMESTAMP, "v0=" + EXPECTED.substring(3).toUpperCase(), BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void verify_oneByteOfBodyChanged_wrong() {
    byte[] tampered = BODY.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThat(THEN.verify(TIMESTAMP, EXPECTED, tampered)).isEqualTo(Verdict.WRONG);
  }

  @Test
  void verify_timestampChangedWithinWindow_wrong() {
    assertThat(THEN.verify("1531420619", EXPECTED, BODY)).isEqualTo(Verdict.WRONG);
  }

  @Test
  void verify_otherSecret_wrong() {
    SlackSignature other = new SlackSignature("another-secret",
        Clock.fixed(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC));
    assertThat(other.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.WRONG);
  }

  @Test
  void verify_missingHeaders_missing() {
    assertThat(THEN.verify(null, EXPECTED, BODY)).isEqualTo(Verdict.MISSING);
    assertThat(THEN.verify(TIMESTAMP, null, BODY)).isEqualTo(Verdict.MISSING);
    assertThat(THEN.verify(TIMESTAMP, " ", BODY)).isEqualTo(Verdict.MISSING);
  }

  @Test
  void verify_malformedHeaders_wrong() {
    assertThat(THEN.verify(TIMESTAMP, EXPECTED.substring(3), BODY)).isEqualTo(Verdict.WRONG);
    assertThat(THEN.verify(TIMESTAMP, "v1=" + EXPECTED.substring(3), BODY)).isEqualTo(Verdict.WRONG);
    assertThat(THEN.verify(TIMESTAMP, "v0=not-hex", BODY)).isEqualTo(Verdict.WRONG);
    assertThat(THEN.verify("yesterday", EXPECTED, BODY)).isEqualTo(Verdict.WRONG);
  }

  @Test
  void verify_fiveMinutesOldOrAhead_stillValid() {
    long ts = Long.parseLong(TIMESTAMP);
    assertThat(at(ts + 300).verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.VALID);
    assertThat(at(ts - 300).verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void verify_olderThanFiveMinutes_stale() {
    assertThat(at(Long.parseLong(TIMESTAMP) + 301).verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.STALE);
  }

  @Test
  void verify_moreThanFiveMinutesInTheFuture_stale() {
    assertThat(at(Long.parseLong(TIMESTAMP) - 301).verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.STALE);
  }
}
