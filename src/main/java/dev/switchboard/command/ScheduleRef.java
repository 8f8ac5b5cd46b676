package dev.switchboard.command;

/**
 * Which schedule a command is about: its number ({@code schedule 3}), the location it ends at ({@code HQ}), or
 * neither ({@code extend it by 1h}, {@code cancel my timer}): the one plan the asker has, which is only acted on when
 * there is exactly one. At most one of the two is set.
 */
public record ScheduleRef(Integer id, String location) {

  public ScheduleRef {
    location = location == null || location.isBlank() ? null : location.strip();
    if (id != null && location != null) {
      throw new IllegalArgumentException("Name a schedule by number or by location, not both");
    }
    if (id != null && id < 1) {
      throw new IllegalArgumentException("Schedules are numbered from 1, not " + id);
    }
  }

  public static ScheduleRef number(int id) {
    return new ScheduleRef(id, null);
  }

  public static ScheduleRef at(String location) {
    return new ScheduleRef(null, location);
  }

  /** "it", "my schedule", "the timer": the asker's one plan. */
  public static ScheduleRef implied() {
    return new ScheduleRef(null, null);
  }

  /** Whether the command named no schedule and no location, leaving the asker's one plan to be found. */
  public boolean isImplied() {
    return id == null && location == null;
  }

  @Override
  public String toString() {
    return id != null ? "schedule " + id : location != null ? location : "it";
  }
}
