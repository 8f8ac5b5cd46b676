package dev.switchboard.chat;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC keyed once and kept per thread: looking the algorithm up and keying it for each delivery was most of a
 * signature check's cost under load (JFR). {@code doFinal} leaves a MAC ready for the next message.
 */
public final class KeyedMac {

  private final ThreadLocal<Mac> macs;

  /** HMAC with {@code algorithm} (a JCA name, such as {@code HmacSHA256}) keyed with {@code secret}. */
  public KeyedMac(String algorithm, byte[] secret) {
    SecretKeySpec key = new SecretKeySpec(secret, algorithm);
    keyed(key); // an algorithm the runtime lacks fails here, at start, not at the first delivery
    this.macs = ThreadLocal.withInitial(() -> keyed(key));
  }

  /** The MAC of {@code prefix} followed by {@code body}. */
  public byte[] of(byte[] prefix, byte[] body) {
    Mac mac = macs.get();
    mac.update(prefix);
    return mac.doFinal(body);
  }

  /** The MAC of {@code body}. */
  public byte[] of(byte[] body) {
    return macs.get().doFinal(body);
  }

  private static Mac keyed(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(key.getAlgorithm());
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(key.getAlgorithm() + " is not available in this Java runtime", e);
    }
  }
}
