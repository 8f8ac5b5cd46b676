package dev.switchboard.chat.webex;

import dev.switchboard.chat.KeyedMac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code X-Spark-Signature} of a Webex webhook delivery: lower-case hex HMAC-SHA1 of the raw
 * request body, keyed with the webhook's secret.
 *
 * @see <a href="https://developer.webex.com/blog/using-a-webhook-secret">Using a Webhook Secret</a>
 */
public final class WebexSignature {

  public static final String HEADER = "X-Spark-Signature";
  private static final String ALGORITHM = "HmacSHA1";

  private final KeyedMac mac;

  public WebexSignature(String secret) {
    if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("the webhook secret is empty");
    this.mac = new KeyedMac(ALGORITHM, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The signature Webex sends for this body. */
  public String sign(byte[] body) {
    return HexFormat.of().formatHex(mac(body));
  }

  /**
   * Whether the header is the signature of exactly these bytes. The comparison takes the same time
   * wherever the first difference is, so it leaks nothing about the expected value.
   */
  public boolean verify(byte[] body, String header) {
    if (header == null || header.isBlank()) return false;
    byte[] expected = mac(body);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  private byte[] mac(byte[] body) {
    return mac.of(body);
  }
}
