package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class RepliesTest {

  static Stream<Arguments> reasons() {
    return Stream.of(
        Arguments.of("The end, Mon 7 Dec 02:00 CST, has passed.", "Nothing was changed: the end, Mon 7 Dec 02:00 "
            + "CST, has passed."),
        Arguments.of("From Mon 18:00 to Fri 18:00 is too long.", "Nothing was changed: from Mon 18:00 to Fri 18:00 "
            + "is too long."),
        // names keep their capitals: a location, an all-caps one, a number as typed, a literal
        Arguments.of("Denver is closed.", "Nothing was changed: Denver is closed."),
        Arguments.of("HQ stays as it is.", "Nothing was changed: HQ stays as it is."),
        Arguments.of("+1 555 0100 is too short to be a phone number.",
            "Nothing was changed: +1 555 0100 is too short to be a phone number."),
        Arguments.of(Reply.literal("The Hub") + " is gone.", "Nothing was changed: " + Reply.literal("The Hub")
            + " is gone."),
        Arguments.of("Theory.", "Nothing was changed: Theory."));
  }

  @ParameterizedTest
  @MethodSource("reasons")
  void because_readsOnFromTheLeadIn_namesKeepTheirCapitals(String sentence, String joined) {
    assertThat(Replies.because("Nothing was changed", sentence)).isEqualTo(joined);
  }
}
