package dev.switchboard.command;

/**
 * Which schedule a command is about: its number ({@code schedule 3}) or the location it ends at ({@code HQ}).
 * Exactly one of the two is set.
 */
public record ScheduleRef(Integer id, String location) {

  public ScheduleRef {
    location = location == null || location.isBlank() ? null : location.strip();
    if ((id == null) == (location == null)) {
      throw new IllegalArgumentException("Name a schedule by number or by location, not both or neither");
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

  @Override
  public String toString() {
    return id != null ? "schedule " + id : location;
  }
}
