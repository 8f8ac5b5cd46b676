package dev.switchboard.ops.schedule;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The schedule contract on the file of one instance: each {@link #open()} is the next process on that file. */
final class FileScheduleBookTest extends ScheduleBookContract {

  @TempDir Path dir;

  @Override
  ScheduleBook open() {
    return ScheduleBook.file(dir.resolve("schedules.json"), MAPPER, time);
  }

  @Override
  ScheduleBook alongside(ScheduleBook first) {
    return first;
  }
}
