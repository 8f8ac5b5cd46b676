package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.LEO;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.DemoPeople.UMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.chat.PlainTextRenderer;
import dev.switchboard.ops.schedule.Presets;
import dev.switchboard.ops.schedule.ScheduleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timed and scheduled intercept on a fake clock: the scheduler runs when the test says, nothing sleeps. */
final class ScheduleOpsTest {

  /** Wed 25 Nov 2026, 03:00 in Dallas (HQ, America/Chicago). */
  private static final Instant WEDNESDAY = Instant.parse("2026-11-25T09:00:00Z");
  private static final String PRESETS = """
      presets:
        storm: {voicemail: true, announce: "+12147691003"}
        typo: {voicemial: true, zero: off}
      """;

  @TempDir Path dataDir;
  private SimulatedOrg sim;

  private SimulatedOrg start(Instant at, ScheduleSettings settings) {
    sim = new SimulatedOrg(dataDir, at, settings, SimulatedOrg.demoPolicyWith(PRESETS));
    return sim;
  }

  private SimulatedOrg start() {
    return start(WEDNESDAY, ScheduleSettings.defaults());
  }

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  private static String text(Reply reply) {
    return PlainTextRenderer.render(reply);
  }

  private long undoEntries() {
    return sim.audit.entries(e -> e.action().equals("undo") && e.applied()).size();
  }

  /** "tonight until 6am" asked at nine in the evening: on at once, back at the coming six (not refused as passed). */
  @Test
  void tonightUntilSix_askedInTheEvening_isOnAtOnce_untilTheComingSix() {
    start(Instant.parse("2026-11-26T03:00:00Z"), ScheduleSettings.defaults()); // Wed 25 Nov 21:00 in Chicago

    String reply = text(sim.say(ANA, "intercept on at HQ tonight until 6am"));

    assertThat(reply).contains("Planned as schedule #1: intercept ON at HQ")
        .contains("intercept ON Wed 25 Nov 21:00 CST (America/Chicago), in under a minute; back to how it was Thu 26 "
            + "Nov 06:00 CST (America/Chicago), in 9 h");
    sim.advance(Duration.ofMinutes(1));
    assertThat(sim.interceptOn("HQ")).isTrue();
    sim.advance(Duration.ofHours(9));
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void timedOn_turnsOnNow_andTheSchedulerPutsBackExactlyTheBeforeState() {
    start();
    JsonNode before = sim.simulator.locationIntercept("HQ").deepCopy();

    Reply reply = sim.say(ANA, "intercept on at HQ voicemail for 2h");

    assertThat(reply.tone()).as(text(reply)).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(text(reply)).contains("Intercept is now ON at HQ")
        .contains("Goes back to how it was at Wed 25 Nov 05:00 CST (America/Chicago), in 2 h (schedule #1)")
        .contains("extend schedule 1 by 1h");
    assertThat(sim.interceptOn("HQ")).isTrue();

    sim.advance(Duration.ofMinutes(119));
    assertThat(sim.interceptOn("HQ")).isTrue();

    sim.advance(Duration.ofMinutes(1));
    assertThat(sim.simulator.locationIntercept("HQ")).isEqualTo(before);
    RecordingAnnouncer.Said said = sim.announcer.inThreads().get(sim.announcer.inThreads().size() - 1);
    assertThat(said.original().email()).isEqualTo(ANA);
    assertThat(said.text()).contains("Schedule #1").contains("HQ: back to how it was").doesNotContain("ran late");
    AuditEntry revert = sim.audit.entries(e -> e.action().equals("undo")).get(0);
    assertThat(revert.platform()).isEqualTo("SCHEDULER");
    assertThat(revert.requesterEmail()).isEqualTo(ANA);
    assertThat(revert.detail()).contains("scheduled by " + ANA);

    sim.advance(Duration.ofHours(1));
    assertThat(undoEntries()).isEqualTo(1);
    assertThat(text(sim.say(ANA, "undo"))).contains("no change left to undo");
  }

  /**
   * "intercept off at HQ for 1h" where HQ is already off switches it on at the end: that is the plan's doing, so
   * history says so, and undo does not count it as something the asker typed.
   */
  @Test
  void aPlansEnd_isTheSchedulesInHistory_andNoChangeOfTheAskersToUndo() {
    start();
    sim.say(ANA, "intercept on at HQ for 1h");
    sim.advance(Duration.ofHours(1));
    sim.say(ANA, "intercept off at HQ for 1h"); // already off: its end switches it on
    sim.advance(Duration.ofHours(1));
    assertThat(sim.interceptOn("HQ")).isTrue();

    String history = text(sim.say(ANA, "history HQ"));
    assertThat(history).contains("schedule of " + ANA + " · HQ · plan ended: intercept off at HQ for 1h")
        .contains("schedule of " + ANA + " · HQ · plan ended: intercept on at HQ for 1h")
        .doesNotContain("undo: intercept on at HQ for 1h");
    assertThat(text(sim.say(ANA, "undo"))).contains("no change left to undo");
    assertThat(sim.interceptOn("HQ")).isTrue();
  }

  @Test
  void timedOn_survivesARestart_andARevertMissedWhileDownRunsLateOnce() throws IOException {
    start();
    JsonNode before = sim.simulator.locationIntercept("HQ").deepCopy();
    sim.say(ANA, "intercept on at HQ for 2h");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("schedules.json"))))
        .isEqualTo("rw-------");

    sim.time.advance(Duration.ofHours(5)); // down: nothing runs
    sim.restart(SimulatedOrg.demoPolicy());
    sim.operations.scheduler().runDue();

    assertThat(sim.simulator.locationIntercept("HQ")).isEqualTo(before);
    assertThat(sim.announcer.last()).contains("back to how it was").contains("This ran late")
        .contains("Wed 25 Nov 05:00 CST");
    sim.restart(SimulatedOrg.demoPolicy());
    sim.advance(Duration.ofMinutes(1));
    assertThat(undoEntries()).isEqualTo(1);
  }

  @Test
  void revertCutShortByACrash_findsTheLocationAlreadyBack_andChangesNothing() throws IOException {
    start();
    sim.say(ANA, "intercept on at HQ for 1h");
    sim.advance(Duration.ofHours(1));
    long writes = sim.simulator.calls().stream().filter(c -> c.method().equals("PUT")).count();
    // As if killed after the revert's write, before it was marked done.
    Path file = dataDir.resolve("schedules.json");
    Files.writeString(file, Files.readString(file).replace("\"end\" : \"DONE\"", "\"end\" : \"RUNNING\""));

    sim.restart(SimulatedOrg.demoPolicy());
    sim.advance(Duration.ofMinutes(1));

    assertThat(sim.simulator.calls().stream().filter(c -> c.method().equals("PUT")).count()).isEqualTo(writes);
    assertThat(sim.announcer.last()).contains("HQ: already back as it was; nothing to do");
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void changeBySomeoneElseInBetween_supersedesTheSwitchBack_andTheThreadHearsWhoAtOnce() {
    start();
    sim.say(ANA, "intercept on at HQ for 2h");
    Reply later = sim.say(UMA, "intercept on at HQ voicemail");

    // The thread hears at once, and the later change's reply says so too (one owner per change).
    assertThat(sim.announcer.last()).contains(UMA + " changed HQ at Wed 25 Nov 03:00 CST")
        .contains("schedule #1 will not switch it back").contains("intercept on at HQ voicemail");
    assertThat(text(later)).contains("Schedule #1 (Ana Admin) will not switch HQ back any more");
    int said = sim.announcer.said.size();

    sim.advance(Duration.ofHours(2));

    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(sim.simulator.locationIntercept("HQ").at("/incoming/voicemailEnabled").asBoolean()).isTrue();
    assertThat(sim.announcer.said).hasSize(said);
    assertThat(undoEntries()).isZero();
  }

  @Test
  void scheduledStartAndEnd_acrossZones_eachAtItsOwnLocalTime() {
    start();
    Reply preview = sim.say(ANA, "intercept on at Austin, Denver from Thu 18:00 until Mon 08:00");

    assertThat(text(preview)).contains("Preview")
        .contains("Austin: intercept ON Thu 26 Nov 18:00 CST (America/Chicago)")
        .contains("Denver: intercept ON Thu 26 Nov 18:00 MST (America/Denver)")
        .contains("back to how it was Mon 30 Nov 08:00 MST (America/Denver)");
    assertThat(text(sim.say(ANA, "yes"))).contains("Planned as schedule #1");
    String planned = text(sim.say(ANA, "schedules"));
    assertThat(planned).contains("#1 Austin: ON Thu 26 Nov 18:00 CST")
        .contains("#1 Denver: ON Thu 26 Nov 18:00 MST")
        .contains("asked by Ana Admin");
    // each plan's line fits a chat window: no email, no typed command repeating what the line says
    assertThat(planned.lines().filter(l -> l.contains("#1"))).hasSize(2)
        .allSatisfy(l -> assertThat(l.strip().length()).as(l).isLessThanOrEqualTo(120));

    sim.advance(Duration.between(WEDNESDAY, Instant.parse("2026-11-27T00:00:00Z"))); // Thu 18:00 in Austin
    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(sim.interceptOn("Denver")).isFalse();
    assertThat(sim.announcer.last()).contains("Schedule #1: intercept ON at Austin")
        .contains("Back to how it was at Mon 30 Nov 08:00 CST");

    sim.advance(Duration.ofHours(1)); // Thu 18:00 in Denver
    assertThat(sim.interceptOn("Denver")).isTrue();

    sim.advance(Duration.between(Instant.parse("2026-11-27T01:00:00Z"), Instant.parse("2026-11-30T14:00:00Z")));
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(sim.interceptOn("Denver")).isTrue();
    sim.advance(Duration.ofHours(1));
    assertThat(sim.interceptOn("Denver")).isFalse();
    assertThat(text(sim.say(ANA, "schedules"))).contains("Nothing is planned");
  }

  @Test
  void daylightSavingChangeInsideASchedule_endsAtTheLocalTimeAsked() {
    // Sat 31 Oct 2026, 12:00 in Denver (MDT, UTC-6); on Sun 1 Nov clocks go back to MST (UTC-7).
    start(Instant.parse("2026-10-31T18:00:00Z"), ScheduleSettings.defaults());

    Reply reply = sim.say(ANA, "intercept on at Denver until Mon 08:00");
    assertThat(text(reply)).contains("Mon 2 Nov 08:00 MST (America/Denver)");

    sim.advance(Duration.between(Instant.parse("2026-10-31T18:00:00Z"), Instant.parse("2026-11-02T14:30:00Z")));
    assertThat(sim.interceptOn("Denver")).as("08:00 MDT would have been 14:00 UTC").isTrue();
    sim.advance(Duration.ofMinutes(30));
    assertThat(sim.interceptOn("Denver")).isFalse();
  }

  @Test
  void calendarDays_keepTheTimeOfDayAcrossADaylightSavingChange() {
    start(Instant.parse("2026-10-24T11:00:00Z"), ScheduleSettings.defaults()); // Sat 12:00 in London (BST)

    assertThat(text(sim.say(ANA, "intercept on at London for 2d")))
        .contains("Mon 26 Oct 12:00 GMT (Europe/London), in 2 d 1 h");
  }

  @Test
  void extend_movesTheEnd_andCancel_keepsItAsItIs() {
    start();
    sim.say(ANA, "intercept on at HQ for 2h");
    sim.say(ANA, "intercept on at Austin for 2h");

    assertThat(text(sim.say(ANA, "extend HQ by 1h"))).contains("Schedule #1 extended")
        .contains("HQ: back to how it was Wed 25 Nov 06:00 CST (America/Chicago), in 3 h (was Wed 25 Nov 05:00 CST)");
    assertThat(text(sim.say(ANA, "cancel schedule 2"))).contains("Cancelled schedule #2")
        .contains("Austin: intercept stays ON; nothing will switch it back");

    sim.advance(Duration.ofHours(2));
    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(sim.interceptOn("Austin")).isTrue();
    sim.advance(Duration.ofHours(1));
    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(text(sim.say(ANA, "cancel schedule 2"))).contains("nothing left to cancel");
  }

  /** Someone else extending or cancelling a plan is told in the plan's thread, and history has both. */
  @Test
  void extendOrCancelBySomeoneElse_isToldToTheOwner_andIsInHistory() {
    start();
    sim.say(OMAR, "intercept on at HQ for 2h");
    sim.say(OMAR, "intercept on at Austin for 2h");
    int before = sim.announcer.inThreads().size();

    sim.say(ANA, "extend schedule 1 by 3h");
    sim.say(ANA, "cancel schedule 2");
    sim.say(OMAR, "extend schedule 1 by 1h"); // their own: no notice to themselves

    List<RecordingAnnouncer.Said> told = sim.announcer.inThreads().subList(before, sim.announcer.inThreads().size());
    assertThat(told).hasSize(2);
    assertThat(told.get(0).original().email()).isEqualTo(OMAR);
    assertThat(told.get(0).text()).contains("(" + ANA + ") extended your schedule #1 (intercept on at HQ for 2h)")
        .contains("HQ: back to how it was");
    assertThat(told.get(1).text()).contains("(" + ANA + ") cancelled your schedule #2")
        .contains("Austin: intercept stays ON");
    assertThat(text(sim.say(ANA, "history"))).contains(ANA + " · Austin · schedule cancelled: cancel schedule 2")
        .contains(ANA + " · HQ · schedule extended: extend schedule 1 by 3h");
    assertThat(text(sim.say(ANA, "history Austin"))).contains("schedule cancelled");
  }

  @Test
  void extendOrCancel_itOrMyTimer_actOnTheAskersOnePlan_andAskWhichWhenThereAreSeveral() {
    start();
    assertThat(text(sim.say(ANA, "extend it by 1h"))).contains("nothing to extend");
    sim.say(ANA, "intercept on at HQ for 2h");
    sim.say(ANA, "intercept on at Austin for 2h");
    assertThat(text(sim.say(OMAR, "extend it by 1h"))).contains("There are 2 schedules; nothing was extended")
        .contains("as in extend schedule 1 by 1h").contains("#2: intercept on at Austin for 2h");
    sim.say(ANA, "cancel schedule 2");

    // the org's only plan, though someone else made it: the on-call may extend it
    assertThat(text(sim.say(OMAR, "give it another hour"))).contains("Schedule #1 extended")
        .contains("HQ: back to how it was Wed 25 Nov 06:00 CST");
    sim.say(OMAR, "intercept on at Denver for 2h");
    // the asker's own plan wins over the others'
    assertThat(text(sim.say(OMAR, "keep it on for another hour"))).contains("Schedule #3 extended")
        .contains("Denver: back to how it was Wed 25 Nov 05:00 MST");
    sim.say(OMAR, "intercept on at Austin for 30m");
    assertThat(text(sim.say(OMAR, "cancel my timer"))).contains("You have 2 schedules; nothing was cancelled")
        .contains("as in cancel schedule 3:").contains("#4: intercept on at Austin for 30m");
    assertThat(text(sim.say(ANA, "cancel the timer"))).contains("Cancelled schedule #1")
        .contains("HQ: intercept stays ON");

    sim.advance(Duration.ofHours(4));
    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(sim.interceptOn("Denver")).isFalse();
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(text(sim.say(OMAR, "extend it by 1h"))).contains("nothing to extend");
  }

  @Test
  void extendAndCancel_needTheRightToChangeThatLocation() {
    start();
    sim.say(ANA, "intercept on at HQ for 2h");

    assertThat(text(sim.say(LEO, "extend HQ by 1h"))).contains("You may not extend schedule 1");
    assertThat(text(sim.say(LEO, "cancel schedule 1"))).contains("You may not cancel schedule 1");
    assertThat(text(sim.say(ANA, "extend HQ by 14d"))).contains("longer than the 14 d");
  }

  @Test
  void reminder_comesOnce_15MinutesBeforeTheRevert_inTheThread_withTheLineToExtend() {
    start();
    sim.say(ANA, "intercept on at HQ for 2h");
    sim.say(ANA, "intercept on at Austin for 10m");

    sim.advance(Duration.ofMinutes(104));
    assertThat(sim.announcer.said).noneMatch(s -> s.text().contains("Reminder"));

    sim.advance(Duration.ofMinutes(1));
    assertThat(sim.announcer.said).filteredOn(s -> s.text().contains("Reminder")).singleElement()
        .satisfies(s -> assertThat(s.text()).contains("intercept at HQ goes back to how it was at")
            .contains("in 15 min (schedule #1)").contains("@Switchboard extend schedule 1 by 1h"))
        .satisfies(s -> assertThat(s.original().email()).isEqualTo(ANA));
    sim.advance(Duration.ofMinutes(1));
    assertThat(sim.announcer.said).filteredOn(s -> s.text().contains("Reminder")).hasSize(1);
  }

  @Test
  void aSwitchBackToALocationThatIsGone_stopsAndIsReportedOnce() {
    start();
    sim.say(ANA, "intercept on at HQ for 1h");
    sim.lostAnswers.gone = sim.org.locationId("HQ");

    sim.advance(Duration.ofHours(1));
    sim.advance(Duration.ofMinutes(5));

    assertThat(sim.announcer.said).filteredOn(s -> s.text().contains("the location is gone")).hasSize(1);
    assertThat(sim.simulator.calls()).filteredOn(c -> c.method().equals("PUT")).hasSize(1); // only the start's
    assertThat(text(sim.say(ANA, "schedules"))).contains("Nothing is planned");
  }

  @Test
  void dailyReport_goesToTheWebexRoomAndTheSlackChannel_andOnlyTheOneThatFailedIsTriedAgain() {
    start(WEDNESDAY.minus(Duration.ofMinutes(1)), ScheduleSettings.defaults()
        .withReportRoom(new Announcer.Room(Requester.Platform.WEBEX, "ops-room"))
        .withReportRoom(new Announcer.Room(Requester.Platform.SLACK, "C0PS")));
    sim.announcer.refusing = java.util.Set.of("C0PS");
    sim.advance(Duration.ofMinutes(2));
    assertThat(sim.announcer.inRoom("ops-room")).hasSize(1);
    assertThat(sim.announcer.inRoom("C0PS")).hasSize(1);

    sim.announcer.refusing = java.util.Set.of();
    sim.advance(Duration.ofMinutes(11));
    sim.advance(Duration.ofHours(1));

    assertThat(sim.announcer.inRoom("ops-room")).hasSize(1);
    assertThat(sim.announcer.inRoom("C0PS")).hasSize(2);
  }

  @Test
  void dailyReport_thatCannotBePosted_isTriedAgain_andMarkedDoneOnlyOncePosted() {
    start(WEDNESDAY.minus(Duration.ofMinutes(1)), ScheduleSettings.defaults().withReportRoom(new Announcer.Room(Requester.Platform.WEBEX, "ops-room")));
    sim.announcer.posting = false;
    sim.advance(Duration.ofMinutes(2));
    assertThat(sim.announcer.inRoom("ops-room")).hasSize(1);

    sim.advance(Duration.ofMinutes(5));
    assertThat(sim.announcer.inRoom("ops-room")).hasSize(1); // not before its retry time

    sim.announcer.posting = true;
    sim.advance(Duration.ofMinutes(6));
    assertThat(sim.announcer.inRoom("ops-room")).hasSize(2);
    sim.advance(Duration.ofHours(1));
    assertThat(sim.announcer.inRoom("ops-room")).hasSize(2); // posted: done for the day
  }

  @Test
  void dailyReport_namesForgottenIntercepts_once_andNotThosePlannedToEnd() {
    start(WEDNESDAY.minus(Duration.ofMinutes(1)), ScheduleSettings.defaults().withReportRoom(new Announcer.Room(Requester.Platform.WEBEX, "ops-room")));
    sim.say(ANA, "intercept on at HQ");
    sim.say(ANA, "intercept on at Austin for 3d");
    sim.advance(Duration.ofMinutes(2));
    // Sydney is seeded on, by no one Switchboard knows; HQ has been on for two minutes only
    assertThat(sim.announcer.inRoom("ops-room")).singleElement().satisfies(s -> assertThat(s.text())
        .contains("Sydney: on, turned on outside Switchboard").doesNotContain("HQ").doesNotContain("Austin"));

    sim.advance(Duration.ofDays(1));
    assertThat(sim.announcer.inRoom("ops-room")).hasSize(2).last().satisfies(s -> assertThat(s.text())
        .contains("Forgotten intercepts? Intercept has been on for over 1 d at 2 locations")
        .contains("HQ: on for 1 d, since Wed 25 Nov 02:59 CST (America/Chicago), turned on by " + ANA)
        .doesNotContain("Austin"));
    sim.advance(Duration.ofMinutes(5));
    assertThat(sim.announcer.inRoom("ops-room")).hasSize(2);
  }

  /** Who turned it on is the last one to turn it on: a change of options while on is not, an off and on again is. */
  @Test
  void dailyReport_namesWhoTurnedItOn_pastOptionChanges_andSinceTheLastOffAndOn() {
    start(WEDNESDAY.minus(Duration.ofMinutes(1)), ScheduleSettings.defaults().withReportRoom(new Announcer.Room(Requester.Platform.WEBEX, "ops-room")));
    sim.say(ANA, "intercept on at HQ");
    sim.say(UMA, "intercept on at HQ voicemail");
    sim.say(ANA, "intercept on at Denver");
    sim.say(ANA, "intercept off at Denver");
    sim.say(UMA, "intercept on at Denver");
    sim.advance(Duration.ofMinutes(2));
    sim.advance(Duration.ofDays(1));

    assertThat(sim.announcer.inRoom("ops-room")).hasSize(2).last().satisfies(s -> assertThat(s.text())
        .contains("HQ: on for 1 d, since Wed 25 Nov 02:59 CST (America/Chicago), turned on by " + ANA)
        .contains("Denver: on for 1 d, since Wed 25 Nov 01:59 MST (America/Denver), turned on by " + UMA));
  }

  @Test
  void badTimes_areRefused_andChangeNothing() {
    start();

    assertThat(text(sim.say(ANA, "intercept on at HQ until today 2am")))
        .contains("Nothing was changed or planned: the end, Wed 25 Nov 02:00 CST (America/Chicago), has passed");
    // the first problem reads on from the title; the others stand alone as sentences
    assertThat(text(sim.say(ANA, "intercept on at HQ, Austin until today 2am")))
        .contains("Nothing was changed or planned: the end at HQ, Wed 25 Nov 02:00 CST")
        .contains("- The end at Austin, Wed 25 Nov 02:00 CST");
    assertThat(text(sim.say(ANA, "intercept on at HQ from tomorrow 18:00 until tomorrow 08:00")))
        .contains("is not after the start, Thu 26 Nov 18:00 CST");
    assertThat(text(sim.say(ANA, "intercept off at HQ at today 1am"))).contains("planned: the start, Wed 25 Nov 01:00 CST");
    assertThat(text(sim.say(ANA, "intercept on at HQ for 15d"))).contains("longer than the 14 d");
    assertThat(text(sim.say(ANA, "intercept on at HQ, Austin for 3 weeks"))).contains("longer than the 14 d");

    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(sim.simulator.calls()).noneMatch(c -> c.method().equals("PUT"));
    assertThat(text(sim.say(ANA, "schedules"))).contains("Nothing is planned");
  }

  @Test
  void scheduledStart_isAuthorizedAgainWhenItRuns() {
    start();
    assertThat(text(sim.say(LEO, "intercept on at Denver at 18:00"))).contains("Planned as schedule #1");

    sim.restart(SimulatedOrg.demoPolicy().replace("leo.locadmin@example.com: [Austin, Denver]",
        "leo.locadmin@example.com: [Austin]"));
    sim.advance(Duration.ofHours(16)); // 18:00 in Denver

    assertThat(sim.interceptOn("Denver")).isFalse();
    assertThat(sim.announcer.last()).contains("Denver: not changed").contains("may no longer change intercept")
        .contains("This needs a full or user admin, the location admin of Denver or the on-call list")
        .doesNotContain("ran late");
    assertThat(sim.audit.entries(e -> e.outcome() == AuditEntry.Outcome.DENIED)).isNotEmpty();
  }

  /** Two locations in one time zone end at one local time: it is said once, not once a location. */
  @Test
  void timedChangeAtSeveralLocationsOfOneZone_saysTheirEndOnce() {
    start();
    String preview = text(sim.say(ANA, "intercept on at HQ, Austin for 2h"));
    assertThat(preview).contains("All go back to how they were at Wed 25 Nov 05:00 CST (America/Chicago).")
        .doesNotContain("its own local time");

    String done = text(sim.say(ANA, "yes"));
    assertThat(done).contains("Goes back to how it was at Wed 25 Nov 05:00 CST (America/Chicago), in 2 h (schedule #1)")
        .doesNotContain("HQ Wed 25 Nov");
  }

  @Test
  void timedChangeAtSeveralLocations_previewsEachLocalEnd_thenRevertsEach() {
    start();
    Reply preview = sim.say(ANA, "intercept on at London, Denver for 2h");
    assertThat(text(preview)).contains("Each goes back to how it was at its own local time")
        .contains("London Wed 25 Nov 11:00 GMT (Europe/London)").contains("Denver Wed 25 Nov 04:00 MST (America/Denver)");

    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept changed at 2 of 2 locations")
        .contains("Goes back to how it was at London Wed 25 Nov 11:00 GMT (Europe/London), in 2 h and Denver")
        .contains("(schedule #1)");
    assertThat(sim.interceptOn("Denver")).isTrue();
    sim.advance(Duration.ofHours(2));
    assertThat(sim.interceptOn("London")).isFalse();
    assertThat(sim.interceptOn("Denver")).isFalse();
    assertThat(sim.announcer.last()).contains("London: back to how it was").contains("Denver: back to how it was");
  }

  @Test
  void presets_areListed_andAppliedWithTheirOptions_typedOptionsWinning() {
    start();
    assertThat(text(sim.say(ANA, "presets"))).contains("storm").contains("voicemail announce +12147691003");

    sim.say(ANA, "intercept on at HQ preset storm no voicemail for 3d");

    JsonNode hq = sim.simulator.locationIntercept("HQ");
    assertThat(hq.at("/incoming/voicemailEnabled").asBoolean()).isFalse();
    assertThat(hq.at("/incoming/announcements/newNumber/destination").asText()).contains("2147691003");
    assertThat(text(sim.say(ANA, "intercept on at HQ preset hail"))).contains("There is no preset hail")
        .contains("Presets: storm and typo");
    assertThat(Presets.from(PolicyFile.parse(PRESETS)).warnings()).singleElement().asString()
        .contains("preset 'typo' names unknown option 'voicemial'");
  }

  @Test
  void bareTimeThatHasPassedToday_isRefused_notTakenAsTomorrow() {
    start();
    // 03:00 in Dallas: 02:00 has passed today.
    Reply reply = sim.say(ANA, "intercept on at HQ until 02:00");

    assertThat(text(reply)).as(text(reply)).contains("has passed").contains("say until tomorrow 02:00");
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void passedBareTime_hintFitsTheWordUsed() {
    start();
    // 03:00 in Dallas
    assertThat(text(sim.say(ANA, "intercept off at HQ at 1am"))).contains("planned: the start").contains("has passed")
        .contains("say at tomorrow 1am");
    assertThat(text(sim.say(ANA, "intercept on at HQ from 01:30 until 02:00"))).contains("say from tomorrow 01:30");
    assertThat(text(sim.say(ANA, "intercept on at HQ till 2am ET"))).contains("say till tomorrow 2am ET");
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void bareEndTimeAfterAStart_isTheNextOneAfterThatStart() {
    start();
    Reply reply = sim.say(ANA, "intercept on at HQ from 22:00 until 06:00");

    assertThat(text(reply)).as(text(reply)).contains("Thu 26 Nov 06:00");
  }

  @Test
  void cancelOrExtend_whileTheRevertIsRunning_changeNothing_andSaySo() throws IOException {
    start();
    sim.say(ANA, "intercept on at HQ for 2h");
    Path file = dataDir.resolve("schedules.json");
    // As if the scheduler had claimed the revert this very moment.
    Files.writeString(file, Files.readString(file).replace("\"end\" : \"PENDING\"", "\"end\" : \"RUNNING\""));
    sim.restart(SimulatedOrg.demoPolicy());

    assertThat(text(sim.say(ANA, "cancel schedule 1"))).contains("nothing was cancelled");
    assertThat(text(sim.say(ANA, "extend schedule 1 by 1h"))).contains("nothing was extended");
  }
}
