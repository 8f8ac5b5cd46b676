package dev.switchboard.command;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When an intercept change happens and when it is taken back, as the user typed it. The operations layer reads
 * wall-clock times in the location's own time zone unless {@link Moment.At#zone()} names one.
 *
 * @param start when the change happens; null means now
 * @param end when the change is taken back (the before-state restored); null means never
 */
public record Timing(Moment start, Moment end) {

  public Timing {
    if (start == null && end == null) {
      throw new IllegalArgumentException("A timing needs a start or an end");
    }
  }

  /** A point in time, relative or on the clock. */
  public sealed interface Moment {

    /**
     * A span after the reference point (for a start: now; for an end: the start). Whole days are calendar days in
     * the location's zone, so {@code for 3d} ends at the same wall-clock time across a daylight-saving change.
     */
    record After(Duration span) implements Moment {
      public After {
        Objects.requireNonNull(span, "span");
        if (span.isZero() || span.isNegative()) {
          throw new IllegalArgumentException("A span must be positive: " + span);
        }
      }
    }

    /** A wall-clock time on a day; {@code zone} is null for the location's own time zone. */
    record At(Day day, LocalTime time, ZoneId zone) implements Moment {
      public At {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
      }
    }

    /**
     * The start of a period that comes back ({@code opens} is a weekday or a daily time): now when the period is
     * already open (the latest {@code opens} is past and the {@code closes} after it is not), else the next
     * {@code opens}. "Over the weekend" starts at Fri 18:00, or now on a Saturday; "tonight" at 18:00, or now at 2 a.m.
     */
    record Opening(At opens, At closes) implements Moment {
      public Opening {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!(opens.day() instanceof Day.Weekday || opens.day() instanceof Day.Next
            || opens.day() instanceof Day.Coming)) {
          throw new IllegalArgumentException("A period opens on a weekday or daily, not on " + opens.day());
        }
      }
    }
  }

  /** Which day a wall-clock time is on. */
  public sealed interface Day {

    /** The first such time after the reference point (now for a start, the start for an end). */
    record Next() implements Day {}

    /**
     * The first such time strictly after the reference point, even when that is now: {@code until midnight},
     * {@code until morning} mean the coming one, never one that has passed today.
     */
    record Coming() implements Day {}

    /** Today in the zone the time is read in. */
    record Today() implements Day {}

    /** Tomorrow in the zone the time is read in. */
    record Tomorrow() implements Day {}

    /** The next such weekday whose time is after the reference point. */
    record Weekday(DayOfWeek weekday) implements Day {
      public Weekday {
        Objects.requireNonNull(weekday, "weekday");
      }
    }

    /** A day of the year typed without a year ({@code Dec 24}, {@code 12/24}): the next one, today included. */
    record Annual(MonthDay date) implements Day {
      public Annual {
        Objects.requireNonNull(date, "date");
      }
    }

    /** A calendar date. */
    record Date(LocalDate date) implements Day {
      public Date {
        Objects.requireNonNull(date, "date");
      }
    }
  }
}
