package dev.switchboard.calling;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants in the one shape Webex writes them, {@code 2026-12-03T08:50:25.123Z}, read without
 * {@code DateTimeFormatter}: its general parser was a quarter of a webhook's handling under load (JFR), for the
 * {@code created} every delivery and message carries. Any other shape goes to the standard parser, so what is
 * accepted, and what is refused, is unchanged.
 */
public final class IsoInstant {

  private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  private IsoInstant() {}

  /** {@code text} as an instant, as {@link Instant#parse} reads it. */
  public static Instant parse(String text) {
    Instant fast = simple(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /** A Jackson module reading {@link Instant}s this way; register it after {@code JavaTimeModule}. */
  public static Module module() {
    return new SimpleModule("IsoInstant").addDeserializer(Instant.class, new Deserializer());
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss} with an optional fraction of 1-9 digits and a {@code Z}, as an instant; null for any
   * other text (an offset, a leap second, a day the month lacks), which the standard parser then answers.
   */
  static Instant simple(String s) {
    int n = s.length();
    if (n < 20 || n == 21 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || (n > 20 && s.charAt(19) != '.')) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int fraction = n > 20 ? digits(s, 20, n - 21) : 0;
    if ((year | month | day | hour | minute | second | fraction) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second,
          n > 20 ? (long) fraction * SCALE[n - 21] : 0);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code s[from, from + count)}, or -1 if any of it is not an ASCII digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static final class Deserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        Instant fast = simple(p.getText());
        if (fast != null) return fast;
      }
      return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
  }
}
