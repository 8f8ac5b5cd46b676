package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class CommandTableTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");
  private static final PersonRef ALICE = new PersonRef("alice@example.com");

  @Test
  void everySpec_hasATopicUsageSummaryAndExamples_andTopicsAreUnique() {
    List<CommandSpec> specs = CommandTable.all();

    assertThat(specs).extracting(CommandSpec::topic).doesNotHaveDuplicates();
    for (CommandSpec spec : specs) {
      assertThat(spec.usage()).as(spec.topic()).startsWith("`");
      assertThat(spec.usage().chars().filter(c -> c == '`').count() % 2).as("backticks paired").isZero();
      assertThat(spec.summary()).as(spec.topic()).isNotBlank().endsWith(".");
      assertThat(spec.examples()).as(spec.topic()).isNotEmpty();
    }
  }

  static Stream<Arguments> examples() {
    return CommandTable.all().stream()
        .flatMap(spec -> spec.examples().stream().map(example -> arguments(spec.topic(), example)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void everyExample_parsesToACommandOfItsTopic(String topic, String example) {
    Command command = PARSER.parse(example);

    assertThat(command).isNotInstanceOfAny(Command.Unknown.class, Command.Invalid.class);
    assertThat(command.spec().topic()).isEqualTo(topic);
  }

  static Stream<Arguments> commands() {
    var hq = LocationTarget.Named.of("HQ");
    return Stream.of(
        arguments(new Command.Help(null), "help", Access.ANYONE),
        arguments(new Command.InterceptChange(true, hq, InterceptOptions.none()), "intercept", Access.CHANGE_INTERCEPT),
        arguments(new Command.InterceptChange(true, hq, InterceptOptions.none(), null,
            new Timing(null, new Timing.Moment.After(Duration.ofHours(2)))), "timed intercept", Access.CHANGE_INTERCEPT),
        arguments(new Command.InterceptStatus(new LocationTarget.All()), "intercept status", Access.READ_INTERCEPT),
        arguments(new Command.ShowTransferNumbers(ALICE), "transfer numbers", Access.READ_TRANSFER),
        arguments(new Command.SetTransferNumber(ALICE, 1, new DialString("+12055553651")), "set transfer number",
            Access.CHANGE_TRANSFER),
        arguments(new Command.ClearTransferNumber(ALICE, 1), "clear transfer number", Access.CHANGE_TRANSFER),
        arguments(new Command.CustomTransferNumbers(ALICE, true), "custom transfer numbers", Access.CHANGE_TRANSFER),
        arguments(new Command.ListLocations(null), "locations", Access.READ_LOCATIONS),
        arguments(new Command.History("HQ"), "history", Access.READ_HISTORY),
        arguments(new Command.Undo(), "undo", Access.OWN_CHANGE),
        arguments(new Command.ListSchedules(null), "schedules", Access.READ_INTERCEPT),
        arguments(new Command.ExtendSchedule(ScheduleRef.number(3), Duration.ofHours(1), null), "extend",
            Access.CHANGE_INTERCEPT),
        arguments(new Command.CancelSchedule(ScheduleRef.number(3)), "cancel schedule", Access.CHANGE_INTERCEPT),
        arguments(new Command.ListPresets(), "presets", Access.READ_INTERCEPT),
        arguments(new Command.WhoAmI(), "whoami", Access.ANYONE),
        arguments(new Command.Confirm(), "confirm", Access.PENDING_REQUESTER),
        arguments(new Command.Cancel(), "cancel", Access.PENDING_REQUESTER),
        arguments(new Command.Invalid("set transfer number", "no slot", "usage"), "set transfer number",
            Access.CHANGE_TRANSFER),
        arguments(new Command.Invalid("no such topic", "?", "usage"), "help", Access.ANYONE),
        arguments(new Command.Unknown("fax", null, "usage"), "help", Access.ANYONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void spec_givesEachCommandItsTopicAndAccess(Command command, String topic, Access access) {
    CommandSpec spec = command.spec();

    assertThat(spec.topic()).isEqualTo(topic);
    assertThat(spec.access()).isEqualTo(access);
    assertThat(CommandTable.topic(topic)).containsSame(spec);
  }

  @Test
  void topic_isFoundIgnoringCaseAndSpacing() {
    assertThat(CommandTable.topic("  Intercept   STATUS ")).map(CommandSpec::topic).contains("intercept status");
    assertThat(CommandTable.topic("fax")).isEmpty();
    assertThat(CommandTable.topic(null)).isEmpty();
  }
}
