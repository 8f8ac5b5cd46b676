package dev.switchboard.chat.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class WebexSignatureTest {

  // RFC 2202 test case 2: HMAC-SHA1 with key "Jefe".
  private static final byte[] RFC_DATA = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
  private static final String RFC_DIGEST = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";

  @Test
  void sign_knownVector_matchesRfc2202() {
    assertThat(new WebexSignature("Jefe").sign(RFC_DATA)).isEqualTo(RFC_DIGEST);
  }

  @Test
  void verify_exactSignature_accepted() {
    assertThat(new WebexSignature("Jefe").verify(RFC_DATA, RFC_DIGEST)).isTrue();
  }

  @Test
  void verify_upperCaseHex_accepted() {
    assertThat(new WebexSignature("Jefe").verify(RFC_DATA, RFC_DIGEST.toUpperCase())).isTrue();
  }

  @Test
  void verify_oneByteOfBodyChanged_rejected() {
    byte[] body = RFC_DATA.clone();
    body[0] ^= 1;
    assertThat(new WebexSignature("Jefe").verify(body, RFC_DIGEST)).isFalse();
  }

  @Test
  void verify_wrongSecret_rejected() {
    assertThat(new WebexSignature("jefe").verify(RFC_DATA, RFC_DIGEST)).isFalse();
  }

  @Test
  void verify_missingOrMalformedHeader_rejected() {
    WebexSignature signature = new WebexSignature("Jefe");
    assertThat(signature.verify(RFC_DATA, null)).isFalse();
    assertThat(signature.verify(RFC_DATA, "")).isFalse();
    assertThat(signature.verify(RFC_DATA, "not-hex")).isFalse();
    assertThat(signature.verify(RFC_DATA, RFC_DIGEST.substring(2))).isFalse();
  }

  @Test
  void verify_reserialisedJson_rejected() {
    WebexSignature signature = new WebexSignature("s3cret");
    byte[] sent = "{\"id\": \"1\",  \"resource\":\"messages\"}".getBytes(StandardCharsets.UTF_8);
    byte[] reserialised = "{\"id\":\"1\",\"resource\":\"messages\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify(reserialised, signature.sign(sent))).isFalse();
  }
}
