package dev.switchboard.ops.schedule;

import java.time.Duration;
import java.time.LocalTime;
import dev.switchboard.ops.Announcer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of timed intercept.
 *
 * @param maxDuration the longest a timed change may last (default 14 days); longer is refused
 * @param reminderLead how long before an automatic revert the thread is reminded (default 15 minutes)
 * @param forgottenAfter how long intercept may be on, with nothing planned to end it, before the daily report
 *     names the location (default 1 day)
 * @param reportAt when, in UTC, the daily report of forgotten intercepts is posted (default 09:00)
 * @param reportRooms where the daily report goes: Webex rooms, Slack channels; none: no report
 */
public record ScheduleSettings(Duration maxDuration, Duration reminderLead, Duration forgottenAfter,
    LocalTime reportAt, List<Announcer.Room> reportRooms) {

  public ScheduleSettings {
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(reminderLead, "reminderLead");
    Objects.requireNonNull(forgottenAfter, "forgottenAfter");
    Objects.requireNonNull(reportAt, "reportAt");
    reportRooms = List.copyOf(reportRooms);
  }

  public static ScheduleSettings defaults() {
    return new ScheduleSettings(Duration.ofDays(14), Duration.ofMinutes(15), Duration.ofDays(1), LocalTime.of(9, 0),
        List.of());
  }

  /** These settings with the daily report also going to {@code room}. */
  public ScheduleSettings withReportRoom(Announcer.Room room) {
    List<Announcer.Room> rooms = new ArrayList<>(reportRooms);
    rooms.add(room);
    return new ScheduleSettings(maxDuration, reminderLead, forgottenAfter, reportAt, rooms);
  }

  public ScheduleSettings withMaxDuration(Duration max) {
    return new ScheduleSettings(max, reminderLead, forgottenAfter, reportAt, reportRooms);
  }
}
