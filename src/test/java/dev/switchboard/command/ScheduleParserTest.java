package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.command.Command.CancelSchedule;
import dev.switchboard.command.Command.ExtendSchedule;
import dev.switchboard.command.Command.InterceptChange;
import dev.switchboard.command.Command.Invalid;
import dev.switchboard.command.Command.ListPresets;
import dev.switchboard.command.Command.ListSchedules;
import dev.switchboard.command.Timing.Day;
import dev.switchboard.command.Timing.Moment;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ScheduleParserTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");
  private static final LocationTarget HQ = LocationTarget.Named.of("HQ");
  private static final Day NEXT = new Day.Next();

  static Stream<Arguments> phrasings() {
    return Stream.of(
        // on now, back at the end
        arguments("intercept on at HQ for 2h", on(HQ, null, span(Duration.ofHours(2)))),
        arguments("intercept on at HQ for 90m", on(HQ, null, span(Duration.ofMinutes(90)))),
        arguments("intercept on at HQ for 3d", on(HQ, null, span(Duration.ofDays(3)))),
        arguments("intercept on at HQ for 1h30m", on(HQ, null, span(Duration.ofMinutes(90)))),
        arguments("intercept on at HQ for 1 hour and 30 minutes", on(HQ, null, span(Duration.ofMinutes(90)))),
        arguments("intercept on at HQ for an hour", on(HQ, null, span(Duration.ofHours(1)))),
        arguments("intercept on at HQ for 1.5h", on(HQ, null, span(Duration.ofMinutes(90)))),
        arguments("intercept on for 2h at HQ", on(HQ, null, span(Duration.ofHours(2)))),
        arguments("turn intercept on for HQ for 2 hours", on(HQ, null, span(Duration.ofHours(2)))),
        // words between "for" and the span that say nothing more: once "I understood ... but not hours"
        arguments("intercept on at HQ for the next 3 hours", on(HQ, null, span(Duration.ofHours(3)))),
        arguments("intercept on at HQ for the coming 2h", on(HQ, null, span(Duration.ofHours(2)))),
        arguments("intercept on at HQ for another hour", on(HQ, null, span(Duration.ofHours(1)))),
        arguments("intercept on at HQ for another 45 minutes", on(HQ, null, span(Duration.ofMinutes(45)))),
        arguments("intercept on at HQ for a further 30 min", on(HQ, null, span(Duration.ofMinutes(30)))),
        arguments("intercept on at HQ for the next hour", on(HQ, null, span(Duration.ofHours(1)))),
        // a part of the day after a clock time says which half
        arguments("intercept on at HQ until 9 tomorrow morning", on(HQ, null, at(new Day.Tomorrow(), 9, 0, null))),
        arguments("intercept on at HQ until 6 tomorrow evening", on(HQ, null, at(new Day.Tomorrow(), 18, 0, null))),
        arguments("intercept on at HQ until 7 in the evening", on(HQ, null, at(NEXT, 19, 0, null))),
        arguments("intercept on at HQ until 9:30 in the morning", on(HQ, null, at(NEXT, 9, 30, null))),
        arguments("intercept on at HQ until 4 in the afternoon", on(HQ, null, at(NEXT, 16, 0, null))),
        // "starting at", "beginning on": the start, not part of the location's name ("HQ starting")
        arguments("intercept on at HQ starting at 18:00 for 2h",
            on(HQ, at(NEXT, 18, 0, null), span(Duration.ofHours(2)))),
        arguments("intercept on at HQ beginning at 6pm until 8am", on(HQ, at(NEXT, 18, 0, null), at(NEXT, 8, 0, null))),
        arguments("intercept on at HQ starting on Monday 8am for 1h",
            on(HQ, at(weekday(DayOfWeek.MONDAY), 8, 0, null), span(Duration.ofHours(1)))),
        // "keep"/"leave" it on: a change (already on, it still plans the end)
        arguments("keep intercept on at HQ until 8pm", on(HQ, null, at(NEXT, 20, 0, null))),
        arguments("keep HQ intercepted until 9pm", on(HQ, null, at(NEXT, 21, 0, null))),
        arguments("keep HQ on intercept for another hour", on(HQ, null, span(Duration.ofHours(1)))),
        arguments("leave intercept on at HQ until 6pm", on(HQ, null, at(NEXT, 18, 0, null))),
        arguments("intercept on at HQ until 17:00", on(HQ, null, at(NEXT, 17, 0, null))),
        arguments("intercept on at HQ until 5pm", on(HQ, null, at(NEXT, 17, 0, null))),
        arguments("intercept on at HQ until 5:30 pm", on(HQ, null, at(NEXT, 17, 30, null))),
        // noon and midnight are the coming ones, never one that has passed today (round 2 decision)
        arguments("intercept on at HQ till noon", on(HQ, null, at(new Day.Coming(), 12, 0, null))),
        arguments("intercept on at HQ until midnight", on(HQ, null, at(new Day.Coming(), 0, 0, null))),
        // a day alone as an end is that day's morning, 08:00
        arguments("intercept on at HQ until Monday", on(HQ, null, at(weekday(DayOfWeek.MONDAY), 8, 0, null))),
        arguments("intercept on at HQ until tomorrow 8am", on(HQ, null, at(new Day.Tomorrow(), 8, 0, null))),
        arguments("intercept on at HQ until tomorrow at 8am", on(HQ, null, at(new Day.Tomorrow(), 8, 0, null))),
        arguments("intercept on at HQ until 8am tomorrow", on(HQ, null, at(new Day.Tomorrow(), 8, 0, null))),
        arguments("intercept on at HQ until Mon 08:00", on(HQ, null, at(weekday(DayOfWeek.MONDAY), 8, 0, null))),
        arguments("intercept on at HQ until Monday 8 am", on(HQ, null, at(weekday(DayOfWeek.MONDAY), 8, 0, null))),
        arguments("intercept on at HQ until 2026-12-24 18:00",
            on(HQ, null, at(new Day.Date(LocalDate.of(2026, 12, 24)), 18, 0, null))),
        arguments("intercept on at HQ until 17:00 UTC", on(HQ, null, at(NEXT, 17, 0, ZoneOffset.UTC))),
        arguments("intercept on at HQ until 17:00 Europe/London",
            on(HQ, null, at(NEXT, 17, 0, ZoneId.of("Europe/London")))),
        arguments("intercept on at HQ until 17:00 europe/london",
            on(HQ, null, at(NEXT, 17, 0, ZoneId.of("Europe/London")))),
        // a later start
        arguments("intercept on at Austin, Denver from Thu 18:00 until Mon 08:00",
            new InterceptChange(true, LocationTarget.Named.of("Austin", "Denver"), InterceptOptions.none(), null,
                new Timing(at(weekday(DayOfWeek.THURSDAY), 18, 0, null), at(weekday(DayOfWeek.MONDAY), 8, 0, null)))),
        arguments("intercept on at Austin and Denver from Thu 6pm to Mon 8am",
            new InterceptChange(true, LocationTarget.Named.of("Austin", "Denver"), InterceptOptions.none(), null,
                new Timing(at(weekday(DayOfWeek.THURSDAY), 18, 0, null), at(weekday(DayOfWeek.MONDAY), 8, 0, null)))),
        arguments("intercept off at HQ at 17:00", off(HQ, at(NEXT, 17, 0, null), null)),
        arguments("intercept off at HQ at 17:00 UTC", off(HQ, at(NEXT, 17, 0, ZoneOffset.UTC), null)),
        arguments("intercept off at HQ tomorrow 8am", off(HQ, at(new Day.Tomorrow(), 8, 0, null), null)),
        arguments("intercept off at HQ on Friday at 18:00", off(HQ, at(weekday(DayOfWeek.FRIDAY), 18, 0, null), null)),
        arguments("schedule intercept off at HQ at 17:00", off(HQ, at(NEXT, 17, 0, null), null)),
        arguments("intercept off at HQ in 30m", off(HQ, span(Duration.ofMinutes(30)), null)),
        arguments("intercept on at HQ at 18:00 for 2h", on(HQ, at(NEXT, 18, 0, null), span(Duration.ofHours(2)))),
        arguments("intercept on at HQ from Fri 18:00 for 3d",
            on(HQ, at(weekday(DayOfWeek.FRIDAY), 18, 0, null), span(Duration.ofDays(3)))),
        // with options and presets
        arguments("intercept on at HQ voicemail for 2h",
            new InterceptChange(true, HQ, new InterceptOptions(true, null, null, null, null, null), null,
                new Timing(null, span(Duration.ofHours(2))))),
        arguments("intercept on at all preset storm for 3d",
            new InterceptChange(true, new LocationTarget.All(), InterceptOptions.none(), "storm",
                new Timing(null, span(Duration.ofDays(3))))),
        arguments("intercept on at HQ with preset storm",
            new InterceptChange(true, HQ, InterceptOptions.none(), "storm", null)),
        // location names that only look like times stay names
        arguments("intercept on at \"Open until 5\"", new InterceptChange(true, LocationTarget.Named.of("Open until 5"),
            InterceptOptions.none())),
        arguments("intercept on at Site 001", new InterceptChange(true, LocationTarget.Named.of("Site 001"),
            InterceptOptions.none())),
        // the schedule commands
        arguments("schedules", new ListSchedules(null)),
        arguments("schedules HQ", new ListSchedules("HQ")),
        arguments("schedules at HQ", new ListSchedules("HQ")),
        arguments("show schedules", new ListSchedules(null)),
        arguments("what's scheduled?", new ListSchedules(null)),
        arguments("schedules at all sites", new ListSchedules(null)), // the words for every location, as elsewhere
        arguments("schedules for all of our offices", new ListSchedules(null)),
        // extend and cancel in other words
        arguments("extend the HQ intercept until 9pm", new ExtendSchedule(ScheduleRef.at("HQ"), null,
            at(NEXT, 21, 0, null))),
        arguments("extend HQ's intercept by 1h", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null)),
        arguments("extend HQ 2 hours", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(2), null)),
        // no location or number: the asker's one plan (ScheduleCommands asks which when there are several)
        arguments("extend it by an hour", new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(1), null)),
        arguments("extend by 1h", new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(1), null)),
        arguments("extend 2h", new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(2), null)),
        arguments("extend the intercept another hour",
            new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(1), null)),
        arguments("extend my schedule by 30m", new ExtendSchedule(ScheduleRef.implied(), Duration.ofMinutes(30), null)),
        arguments("extend the timer 30 more minutes",
            new ExtendSchedule(ScheduleRef.implied(), Duration.ofMinutes(30), null)),
        arguments("give it another hour", new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(1), null)),
        arguments("keep it on for another hour", new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(1), null)),
        arguments("make it 2 more hours", new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(2), null)),
        arguments("add an hour", new ExtendSchedule(ScheduleRef.implied(), Duration.ofHours(1), null)),
        arguments("add 30 minutes to it", new ExtendSchedule(ScheduleRef.implied(), Duration.ofMinutes(30), null)),
        arguments("extend HQ another hour", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null)),
        arguments("cancel the timer", new CancelSchedule(ScheduleRef.implied())),
        arguments("cancel my schedule", new CancelSchedule(ScheduleRef.implied())),
        arguments("cancel schedule", new CancelSchedule(ScheduleRef.implied())),
        arguments("cancel schedule at HQ", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("extend schedule 2 45m", new ExtendSchedule(ScheduleRef.number(2), Duration.ofMinutes(45), null)),
        arguments("make the HQ intercept last until 8pm", new ExtendSchedule(ScheduleRef.at("HQ"), null,
            at(NEXT, 20, 0, null))),
        arguments("make the Denver intercept last for 2 more hours",
            new ExtendSchedule(ScheduleRef.at("Denver"), Duration.ofHours(2), null)),
        arguments("push the HQ intercept out another hour",
            new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null)),
        arguments("push the HQ intercept out to 9pm", new ExtendSchedule(ScheduleRef.at("HQ"), null,
            at(NEXT, 21, 0, null))),
        arguments("stop the timer at HQ", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("kill the Austin timer", new CancelSchedule(ScheduleRef.at("Austin"))),
        arguments("end the schedule at HQ", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("forget the plan for Denver", new CancelSchedule(ScheduleRef.at("Denver"))),
        arguments("cancel the HQ intercept schedule", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("schedules for all of them", new ListSchedules(null)),
        arguments("schedules everywhere", new ListSchedules(null)),
        arguments("extend HQ by 1h", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null)),
        arguments("extend intercept at HQ by 30 minutes",
            new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofMinutes(30), null)),
        arguments("extend HQ for another hour", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null)),
        arguments("extend schedule 3 by 2h", new ExtendSchedule(ScheduleRef.number(3), Duration.ofHours(2), null)),
        arguments("extend #3 by 2h", new ExtendSchedule(ScheduleRef.number(3), Duration.ofHours(2), null)),
        arguments("extend HQ until 18:00", new ExtendSchedule(ScheduleRef.at("HQ"), null, at(NEXT, 18, 0, null))),
        arguments("cancel schedule 3", new CancelSchedule(ScheduleRef.number(3))),
        arguments("cancel schedule #3", new CancelSchedule(ScheduleRef.number(3))),
        arguments("cancel #3", new CancelSchedule(ScheduleRef.number(3))),
        arguments("delete the schedule at HQ", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("presets", new ListPresets()),
        arguments("list presets", new ListPresets()),
        arguments("show intercept presets", new ListPresets()),
        // round 2, fourth session: spans, leads and ends said in other words
        arguments("intercept on at HQ for 1h30", on(HQ, null, span(Duration.ofMinutes(90)))),
        arguments("intercept on at Austin for 2h15", on(LocationTarget.Named.of("Austin"), null,
            span(Duration.ofMinutes(135)))),
        arguments("intercept on at HQ 'til 5pm", on(HQ, null, at(NEXT, 17, 0, null))),
        arguments("intercept on at HQ from now until 6pm", on(HQ, null, at(NEXT, 18, 0, null))), // was "HQ from"
        arguments("intercept on at HQ starting now for 2h", on(HQ, null, span(Duration.ofHours(2)))),
        arguments("intercept on at HQ starting in an hour", on(HQ, span(Duration.ofHours(1)), null)),
        arguments("intercept off at Denver beginning in 30 minutes",
            off(LocationTarget.Named.of("Denver"), span(Duration.ofMinutes(30)), null)),
        arguments("intercept on at HQ between 6pm and 8am", on(HQ, at(NEXT, 18, 0, null), at(NEXT, 8, 0, null))),
        arguments("intercept HQ for 2h", on(HQ, null, span(Duration.ofHours(2)))), // was "on or off?"
        arguments("intercept Austin until 6pm", on(LocationTarget.Named.of("Austin"), null, at(NEXT, 18, 0, null))),
        arguments("for 2 hours intercept on at HQ", on(HQ, null, span(Duration.ofHours(2)))),
        arguments("HQ needs to be intercepted for 2h", on(HQ, null, span(Duration.ofHours(2)))), // was "HQ be"
        arguments("until 6pm turn intercept on at HQ", on(HQ, null, at(NEXT, 18, 0, null))),
        arguments("turn intercept off at HQ at 7pm instead", off(HQ, at(NEXT, 19, 0, null), null)),
        arguments("add 30 minutes to HQ", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofMinutes(30), null)),
        arguments("add another hour to the HQ intercept",
            new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null)),
        arguments("give HQ another 30 minutes", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofMinutes(30), null)),
        arguments("give Denver 2 more hours", new ExtendSchedule(ScheduleRef.at("Denver"), Duration.ofHours(2), null)),
        arguments("give schedule 4 an extra hour", new ExtendSchedule(ScheduleRef.number(4), Duration.ofHours(1), null)),
        arguments("make it 2 more hours at HQ", new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(2), null)),
        arguments("push back the end at HQ to 8pm", new ExtendSchedule(ScheduleRef.at("HQ"), null,
            at(NEXT, 20, 0, null))),
        arguments("move the HQ end to 7pm", new ExtendSchedule(ScheduleRef.at("HQ"), null, at(NEXT, 19, 0, null))),
        arguments("change the end time at Austin to 7pm", new ExtendSchedule(ScheduleRef.at("Austin"), null,
            at(NEXT, 19, 0, null))),
        arguments("move HQ's intercept end to 9pm", new ExtendSchedule(ScheduleRef.at("HQ"), null,
            at(NEXT, 21, 0, null))),
        arguments("don't turn HQ back off", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("do not switch intercept back off at Austin", new CancelSchedule(ScheduleRef.at("Austin"))),
        arguments("keep HQ on, cancel the timer", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("leave intercept on at HQ, cancel the timer", new CancelSchedule(ScheduleRef.at("HQ"))),
        arguments("keep Denver intercepted and drop the schedule", new CancelSchedule(ScheduleRef.at("Denver"))),
        arguments("never mind the schedule at HQ", new CancelSchedule(ScheduleRef.at("HQ"))), // was an undo
        arguments("nvm the Austin timer", new CancelSchedule(ScheduleRef.at("Austin"))),
        arguments("scrap schedule 2", new CancelSchedule(ScheduleRef.number(2))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("phrasings")
  void phrasing_parsesToItsCommand(String text, Command expected) {
    assertThat(PARSER.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        arguments("intercept on at HQ for 2x", "timed intercept", "`2x` as a span of time"),
        arguments("intercept on at HQ for 2", "timed intercept", "`2` as a span of time"),
        arguments("intercept on at HQ until later", "timed intercept", "`later` as a time after `until`"),
        arguments("intercept on at HQ until", "timed intercept", "`until` needs a time"),
        arguments("intercept on at HQ until 25:00", "timed intercept", "`25:00` is not a time of day"),
        arguments("intercept on at HQ until 13pm", "timed intercept", "hours go 1 to 12"),
        arguments("intercept on at London over the holidays", "timed intercept",
            "I understood `intercept on at London`, but not `over the holidays`"),
        arguments("intercept on at HQ from Monday", "timed intercept", "but not `from Monday`"),
        arguments("intercept on at HQ until 17:00 Mars/Olympus", "timed intercept", "not a time zone I know"),
        arguments("intercept on at HQ for 2h until 17:00", "timed intercept", "Say one end"),
        arguments("intercept on at HQ for 0m", "timed intercept", "more than zero"),
        arguments("intercept on at Austin for 106751991167301d", "timed intercept", "far too long"),
        arguments("intercept on at HQ preset", "timed intercept", "Name the preset"),
        arguments("intercept status at HQ for 2h", "intercept status", "Times and presets go with `intercept on`"),
        arguments("extend HQ", "extend", "Say what to extend and by how much"),
        arguments("extend HQ by a lot", "extend", "`a lot` as a span of time"),
        arguments("extend", "extend", "Say what to extend"),
        arguments("cancel all schedules", "cancel schedule", "one schedule at a time"),
        arguments("cancel my timers", "cancel schedule", "one schedule at a time"),
        arguments("cancel schedule 0", "cancel schedule", "Say which schedule"),
        arguments("extend it", "extend", "Say what to extend and by how much: `extend HQ by 1h`"),
        arguments("delete every plan", "cancel schedule", "one schedule at a time"),
        arguments("intercept on at HQ between 6pm", "timed intercept", "Say both ends"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mistakes")
  void mistake_isInvalid_withAProblemAndThatTopicsUsage(String text, String topic, String problem) {
    Command command = PARSER.parse(text);

    assertThat(command).isInstanceOf(Invalid.class);
    Invalid invalid = (Invalid) command;
    assertThat(invalid.topic()).isEqualTo(topic);
    assertThat(invalid.problem()).contains(problem);
    assertThat(invalid.usage()).isEqualTo(CommandTable.spec(topic).usage());
  }

  @Test
  void timedIntercept_belongsToItsOwnTopic_andHelpExplainsTimes() {
    assertThat(PARSER.parse("intercept on at HQ for 2h").spec().topic()).isEqualTo("timed intercept");
    assertThat(PARSER.parse("intercept on at HQ preset storm").spec().topic()).isEqualTo("intercept");
    assertThat(HelpText.topic("timed intercept")).get().asString()
        .contains("own time zone").contains("`for 90m`").contains("`until Mon 08:00`");
    assertThat(HelpText.topic("intercept")).get().asString().contains("`help timed intercept`");
    assertThat(PARSER.parse("help schedules")).isEqualTo(new Command.Help("schedules"));
  }

  @Test
  void presetOptions_readLikeTypedOptions() {
    assertThat(InterceptOptions.parse("voicemail announce +12147691003"))
        .isEqualTo(new InterceptOptions(true, new NumberOption.To(new DialString("+12147691003")), null, null, null,
            null));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InterceptOptions.parse("voicemial"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Did you mean `voicemail`?");
  }

  private static InterceptChange on(LocationTarget target, Moment start, Moment end) {
    return new InterceptChange(true, target, InterceptOptions.none(), null, new Timing(start, end));
  }

  private static InterceptChange off(LocationTarget target, Moment start, Moment end) {
    return new InterceptChange(false, target, InterceptOptions.none(), null, new Timing(start, end));
  }

  private static Moment.After span(Duration d) {
    return new Moment.After(d);
  }

  private static Moment.At at(Day day, int hour, int minute, ZoneId zone) {
    return new Moment.At(day, LocalTime.of(hour, minute), zone);
  }

  private static Day weekday(DayOfWeek d) {
    return new Day.Weekday(d);
  }
}
