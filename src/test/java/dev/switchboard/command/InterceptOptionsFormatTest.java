package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link InterceptOptions#format()} is the inverse of {@link InterceptOptions#parse}: a table, then properties. */
final class InterceptOptionsFormatTest {

  /** Fixed, so that a failure is the same on every run; the message names the case that failed. */
  private static final long SEED = 20260601L;
  private static final int CASES = 5_000;

  private static final NumberOption OFF = new NumberOption.Off();

  static Stream<Arguments> table() {
    return Stream.of(
        arguments(InterceptOptions.none(), ""),
        arguments(options(true, null, null, null, null, null), "voicemail"),
        arguments(options(false, null, null, null, null, null), "no voicemail"),
        arguments(options(null, to("+12147691003"), null, null, null, null), "announce +12147691003"),
        arguments(options(null, OFF, null, null, null, null), "announce off"),
        arguments(options(null, null, to("214 769 1003"), null, null, null), "zero 214 769 1003"),
        arguments(options(null, null, OFF, null, null, null), "zero off"),
        arguments(options(null, null, null, OutboundType.LOCAL_ONLY, null, null), "outbound local-only"),
        arguments(options(null, null, null, OutboundType.INTERCEPT_ALL, null, null), "outbound intercept-all"),
        arguments(options(null, null, null, null, to("(214) 769-1003"), null), "outbound to (214) 769-1003"),
        arguments(options(null, null, null, null, OFF, null), "outbound to off"),
        arguments(options(null, null, null, null, null, InboundType.ALLOW_ALL), "inbound allow-all"),
        arguments(options(null, null, null, null, null, InboundType.INTERCEPT_ALL), "inbound intercept-all"),
        arguments(options(false, OFF, to("911"), OutboundType.INTERCEPT_ALL, OFF, InboundType.INTERCEPT_ALL),
            "no voicemail announce off zero 911 outbound intercept-all outbound to off inbound intercept-all"),
        arguments(options(true, to("+12147691003"), OFF, OutboundType.LOCAL_ONLY, to("+12147691007"),
                InboundType.ALLOW_ALL),
            "voicemail announce +12147691003 zero off outbound local-only outbound to +12147691007 inbound allow-all"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("table")
  void format_writesTheOptionsAsTyped_andParseReadsThemBack(InterceptOptions options, String typed) {
    assertThat(options.format()).isEqualTo(typed);
    assertThat(InterceptOptions.parse(typed)).isEqualTo(options);
  }

  @Test
  void format_ofANumberTheParserCouldNotHaveRead_writesItWithoutSpaces() {
    var options = options(null, to("214 - 769  1003"), null, null, null, null);

    assertThat(options.format()).isEqualTo("announce 214-7691003");
    assertThat(InterceptOptions.parse(options.format())).isEqualTo(options(null, to("214-7691003"), null, null,
        null, null));
  }

  @Test
  void withNumbers_changesEveryNumber_andLeavesTheRest() {
    var typed = InterceptOptions.parse("voicemail announce 214 769 1003 zero off outbound to 2147691007");
    Map<String, String> e164 = Map.of("214 769 1003", "+12147691003", "2147691007", "+12147691007");

    var located = typed.withNumbers(n -> e164.containsKey(n.raw()) ? new DialString(e164.get(n.raw())) : n);

    assertThat(located.format()).isEqualTo("voicemail announce +12147691003 zero off outbound to +12147691007");
    assertThat(InterceptOptions.none().withNumbers(n -> new DialString("911"))).isEqualTo(InterceptOptions.none());
  }

  // Properties: CASES options drawn at random (each setting absent a third of the time), checked one by one.

  @Test
  void parseOfFormat_givesTheSameOptions_forAnyOptionsTheParserCanRead() {
    Random random = new Random(SEED);
    for (int n = 0; n < CASES; n++) {
      InterceptOptions options = arbitraryOptions(random, InterceptOptionsFormatTest::readableNumber);
      String typed = options.format();

      assertThat(InterceptOptions.parse(typed)).as("case %d: %s typed as `%s`", n, options, typed)
          .isEqualTo(options);
    }
  }

  @Test
  void parseOfFormat_keepsEveryNumbersDigits_forNumbersOfAnySpacing() {
    Random random = new Random(SEED);
    UnaryOperator<DialString> withoutSpaces = d -> new DialString(d.raw().replace(" ", ""));
    for (int n = 0; n < CASES; n++) {
      InterceptOptions options = arbitraryOptions(random, InterceptOptionsFormatTest::anyNumber);
      String typed = options.format();

      assertThat(InterceptOptions.parse(typed).withNumbers(withoutSpaces))
          .as("case %d: %s typed as `%s`", n, options, typed).isEqualTo(options.withNumbers(withoutSpaces));
    }
  }

  private static InterceptOptions arbitraryOptions(Random random, Function<Random, String> number) {
    return new InterceptOptions(
        absentOr(random, () -> random.nextBoolean()),
        absentOr(random, () -> numberOption(random, number)),
        absentOr(random, () -> numberOption(random, number)),
        absentOr(random, () -> OutboundType.values()[random.nextInt(OutboundType.values().length)]),
        absentOr(random, () -> numberOption(random, number)),
        absentOr(random, () -> InboundType.values()[random.nextInt(InboundType.values().length)]));
  }

  private static <T> T absentOr(Random random, Supplier<T> value) {
    return random.nextInt(3) == 0 ? null : value.get();
  }

  private static NumberOption numberOption(Random random, Function<Random, String> number) {
    return random.nextInt(4) == 0 ? OFF : new NumberOption.To(new DialString(number.apply(random)));
  }

  /** A number as people type one: an optional "+", then words of digits and phone punctuation, one space apart. */
  private static String readableNumber(Random random) {
    while (true) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "+" : "");
      int words = 1 + random.nextInt(4);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          text.append(' ');
        }
        text.append(chars(random, "().-", 2)).append(digits(random)).append(chars(random, "().-0123456789", 3));
      }
      if (DialString.isWellFormed(text.toString())) {
        return text.toString();
      }
    }
  }

  /** Any text a {@link DialString} accepts: runs of spaces and words of punctuation alone included. */
  private static String anyNumber(Random random) {
    while (true) {
      String text = (random.nextBoolean() ? "+" : "") + chars(random, "0123456789 ().-  ", 3 + random.nextInt(25));
      if (DialString.isWellFormed(text.strip())) {
        return text;
      }
    }
  }

  private static String digits(Random random) {
    return chars(random, "0123456789", 1 + random.nextInt(6)) + random.nextInt(10);
  }

  private static String chars(Random random, String from, int atMost) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(atMost + 1); i > 0; i--) {
      out.append(from.charAt(random.nextInt(from.length())));
    }
    return out.toString();
  }

  private static NumberOption to(String number) {
    return new NumberOption.To(new DialString(number));
  }

  private static InterceptOptions options(Boolean voicemail, NumberOption announce, NumberOption zero,
      OutboundType outbound, NumberOption outboundTransfer, InboundType inbound) {
    return new InterceptOptions(voicemail, announce, zero, outbound, outboundTransfer, inbound);
  }
}
