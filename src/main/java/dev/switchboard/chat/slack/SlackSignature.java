package dev.switchboard.chat.slack;

import dev.switchboard.chat.KeyedMac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Slack's v0 request signature: {@code X-Slack-Signature} is {@code v0=} and the lower-case hex
 * HMAC-SHA256 of {@code v0:{X-Slack-Request-Timestamp}:{raw body}}, keyed with the app's signing
 * secret. A timestamp more than five minutes from now, either way, is refused as a replay.
 *
 * @see <a href="https://api.slack.com/authentication/verifying-requests-from-slack">Verifying requests from Slack</a>
 */
public final class SlackSignature {

  public static final String SIGNATURE_HEADER = "X-Slack-Signature";
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  /** How far a request's timestamp may be from our clock. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private static final String VERSION = "v0";
  private static final String ALGORITHM = "HmacSHA256";

  /** Why a request was or was not accepted; only {@link #VALID} may be acted on. */
  public enum Verdict { VALID, MISSING, STALE, WRONG }

  private final KeyedMac mac;
  private final Clock clock;

  public SlackSignature(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("the Slack signing secret is empty");
    }
    this.mac = new KeyedMac(ALGORITHM, signingSecret.getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
  }

  /** The {@code X-Slack-Signature} Slack sends for this timestamp and body. */
  public String sign(String timestamp, byte[] body) {
    return VERSION + "=" + HexFormat.of().formatHex(mac(timestamp, body));
  }

  /** Checks a request's two headers against exactly the bytes received. */
  public Verdict verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) return Verdict.MISSING;
    // 1. Read the timestamp and refuse one more than five minutes away (either way): a replay.
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.WRONG;
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > WINDOW.toSeconds()) return Verdict.STALE;
    // 2. Take the version prefix off the signature; v0 is the only version there is.
    String given = signature.strip().toLowerCase(Locale.ROOT);
    if (!given.startsWith(VERSION + "=")) return Verdict.WRONG;
    byte[] givenMac;
    try {
      givenMac = HexFormat.of().parseHex(given.substring(VERSION.length() + 1));
    } catch (IllegalArgumentException e) {
      return Verdict.WRONG;
    }
    // 3. Concatenate the version, the timestamp and the raw body with colons, and hash it with the
    //    signing secret (step 4 is in mac()).
    byte[] expected = mac(timestamp.strip(), body);
    // 5. Compare in constant time: how long it takes says nothing about where the first difference is.
    return MessageDigest.isEqual(expected, givenMac) ? Verdict.VALID : Verdict.WRONG;
  }

  private byte[] mac(String timestamp, byte[] body) {
    // 4. HMAC-SHA256 over "v0:" + timestamp + ":" + body, keyed with the signing secret.
    return mac.of((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
  }

}
