package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PassedTimeTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "intercept on at HQ until 17:00|false|until tomorrow 17:00",
      "intercept on at HQ till 5pm|false|till tomorrow 5pm",
      "intercept on at HQ until today 5 pm|false|until tomorrow 5 pm",
      "intercept on at HQ until 17:00 EST|false|until tomorrow 17:00 EST",
      "intercept on at HQ at 17:00|true|at tomorrow 17:00",
      "intercept on at HQ from 9am until 17:00|true|from tomorrow 9am",
      "intercept on at HQ from 9am until 17:00|false|until tomorrow 17:00",
      "turn intercept off at Austin starting at 08:30|true|starting at tomorrow 08:30"})
  void aPassedBareTime_isSaidAgainWithTomorrow_inTheUsersWords(String line, boolean start, String instead) {
    Command.InterceptChange change = (Command.InterceptChange) PARSER.parse(line);

    assertThat(PassedTime.tomorrowInstead(line, change.timing(), start)).contains(instead);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "intercept on at HQ for 2h|false",
      "intercept on at HQ until tomorrow 8am|false",
      "intercept on at HQ until Monday 8am|false",
      "intercept on at HQ until Dec 24 6pm|false"})
  void aTimeWithADayOrASpan_hasNoSuchHint(String line, boolean start) {
    Command.InterceptChange change = (Command.InterceptChange) PARSER.parse(line);

    assertThat(PassedTime.tomorrowInstead(line, change.timing(), start)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void wordsNotFound_givesThePlainForm() {
    Command.InterceptChange change = (Command.InterceptChange) PARSER.parse("intercept on at HQ until 17:00");

    assertThat(PassedTime.tomorrowInstead("yes", change.timing(), false)).contains("until tomorrow 17:00");
  }
}
