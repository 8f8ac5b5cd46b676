package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years of four digits. */
  private static final long FIRST = -62_167_219_200L;
  private static final long LAST = 253_402_300_799L;

  @Property
  void everyInstantWebexCanWrite_readsAsTheStandardParserReadsIt(
      @ForAll @LongRange(min = 0, max = 315_569_519_999L) long second, @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll @IntRange(min = 0, max = 9) int digits) {
    String base = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(FIRST + second)).replace("Z", "");
    String text = digits == 0 ? base + "Z" : base + "." + String.format("%09d", nano).substring(0, digits) + "Z";
    assertThat(IsoInstant.simple(text)).isEqualTo(Instant.parse(text));
  }

  @Property
  void anyOtherText_isAnsweredAsTheStandardParserAnswersIt(@ForAll("nearlyInstants") String text) {
    Object standard;
    try {
      standard = Instant.parse(text);
    } catch (DateTimeException e) {
      standard = DateTimeException.class;
    }
    Object ours;
    try {
      ours = IsoInstant.parse(text);
    } catch (DateTimeException e) {
      ours = DateTimeException.class;
    }
    assertThat(ours).as(text).isEqualTo(standard);
  }

  /** Webex's shape with one to three characters changed, dropped or added. */
  @Provide
  Arbitrary<String> nearlyInstants() {
    String template = "2026-12-03T08:50:25.123Z";
    Arbitrary<Character> chars = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', '.', '+', 'x', ' ');
    Arbitrary<int[]> edit = Arbitraries.integers().between(0, template.length() - 1).array(int[].class).ofSize(3);
    return net.jqwik.api.Combinators.combine(edit, chars.list().ofSize(3), Arbitraries.integers().between(0, 2))
        .as((at, with, kind) -> {
          StringBuilder s = new StringBuilder(template);
          for (int i = 0; i < at.length; i++) {
            int pos = Math.min(at[i], s.length() - 1);
            if (kind == 0) s.setCharAt(pos, with.get(i));
            else if (kind == 1) s.deleteCharAt(pos);
            else s.insert(pos, with.get(i));
          }
          return s.toString();
        });
  }

  @Test
  void theYearsBounds_areWhatTheyClaim() {
    assertThat(Instant.ofEpochSecond(FIRST)).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
    assertThat(Instant.ofEpochSecond(LAST)).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(LAST - FIRST).isEqualTo(315_569_519_999L);
  }

  @Test
  void whatTheShortcutLeavesAlone_stillReadsOrFailsAsBefore() {
    assertThat(IsoInstant.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:60Z"));
    assertThatThrownBy(() -> IsoInstant.parse("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeException.class);
    // Midnight at the day's end is the next day's start, for the standard parser.
    assertThat(IsoInstant.parse("2026-12-03T24:00:00Z")).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    assertThatThrownBy(() -> IsoInstant.parse("")).isInstanceOf(DateTimeException.class);
  }

  @Test
  void theClientsMapper_readsInstantsThisWay_andOthersAsBefore() throws Exception {
    ObjectMapper mapper = WebexHttp.newObjectMapper();
    assertThat(mapper.readValue("\"2026-12-03T08:50:25.1Z\"", Instant.class))
        .isEqualTo(Instant.parse("2026-12-03T08:50:25.100Z"));
    assertThat(mapper.readValue("\"2026-12-03T09:50:25+01:00\"", Instant.class))
        .isEqualTo(Instant.parse("2026-12-03T08:50:25Z"));
    assertThat(mapper.readValue("1764751825", Instant.class)).isEqualTo(Instant.ofEpochSecond(1764751825));
    assertThat(mapper.readValue("null", Instant.class)).isNull();
    assertThat(mapper.readValue("{\"created\":\"2026-12-03T08:50:25.123Z\"}", Message.class).created())
        .isEqualTo(Instant.parse("2026-12-03T08:50:25.123Z"));
  }
}
