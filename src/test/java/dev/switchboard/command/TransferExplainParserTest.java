package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.command.Command.ExplainTransferNumbers;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Questions about where a person's calls go, and the full table: real phrasings to the command they mean. */
final class TransferExplainParserTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");

  private static ExplainTransferNumbers explain(String who, String... callTypes) {
    return new ExplainTransferNumbers(new PersonRef(who), Set.of(callTypes));
  }

  static Stream<Arguments> phrasings() {
    return Stream.of(
        arguments("why does alice's international call go to the front desk?", explain("alice", "INTERNATIONAL")),
        arguments("Why do Bob Jones's international calls ring reception", explain("Bob Jones", "INTERNATIONAL")),
        arguments("why does bob@example.com's premium call fail?",
            explain("bob@example.com", "PREMIUM_SERVICES_I", "PREMIUM_SERVICES_II")),
        arguments("where do bob's calls go?", explain("bob")),
        arguments("why do international calls from alice go to the front desk?", explain("alice", "INTERNATIONAL")),
        arguments("why do long distance calls from Alice Smith fail", explain("Alice Smith", "NATIONAL")),
        arguments("why do my international calls go to reception?", explain("me", "INTERNATIONAL")),
        arguments("how come alice\u2019s overseas calls go to the front desk", explain("alice", "INTERNATIONAL")),
        arguments("explain transfer numbers for alice", explain("alice")),
        arguments("@Switchboard explain the transfer numbers of bob@example.com", explain("bob@example.com")),
        arguments("full transfer numbers for bob", explain("bob")),
        arguments("transfer numbers for bob in full", explain("bob")),
        arguments("show me the full transfer numbers for bob", explain("bob")));
  }

  @ParameterizedTest
  @MethodSource("phrasings")
  void phrasing_parsesToExplain(String text, Command expected) {
    assertThat(PARSER.parse(text)).isEqualTo(expected);
  }

  @Test
  void aQuestionAboutIntercept_isNoTransferQuestion() {
    assertThat(PARSER.parse("why is HQ's call intercept on?")).isNotInstanceOf(ExplainTransferNumbers.class);
  }

  @Test
  void plainShow_staysTheShortLookUp() {
    assertThat(PARSER.parse("transfer numbers for bob")).isEqualTo(new Command.ShowTransferNumbers(new PersonRef("bob")));
    assertThat(PARSER.parse("show all the transfer numbers for bob"))
        .isEqualTo(new Command.ShowTransferNumbers(new PersonRef("bob")));
  }

  @Test
  void explainWithANumber_pointsToSet() {
    assertThat(PARSER.parse("explain transfer number 1 for bob to +12145550100")).isInstanceOf(Command.Invalid.class);
  }
}
