package dev.switchboard.ops.schedule;

import dev.switchboard.ops.PrivateFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The schedules, durable: one JSON file in the data directory, readable by the service only, replaced atomically
 * (written to a temporary file, forced to disk, renamed over the old one, directory forced) on every change, so
 * a {@code kill -9} leaves either the old state or the new one, never half. Every method returns after the change
 * is on disk. Schedules finished more than {@link #KEEP_FINISHED} ago are dropped; their audit lines stay.
 */
final class ScheduleStore {

  static final Duration KEEP_FINISHED = Duration.ofDays(30);

  /** What the file holds. */
  record State(int nextId, LocalDate lastReport, List<Schedule> schedules) {
    State {
      schedules = schedules == null ? List.of() : List.copyOf(schedules);
      nextId = Math.max(1, nextId);
    }
  }

  private final Path file;
  private final ObjectMapper mapper;
  private final Clock clock;
  private State state;
  private final Set<String> cutShort;

  ScheduleStore(Path file, ObjectMapper mapper, Clock clock) {
    this.file = file;
    this.mapper = mapper;
    this.clock = clock;
    this.state = read();
    this.cutShort = state.schedules().stream().flatMap(s -> s.items().stream()
            .filter(i -> i.start() == Schedule.Phase.RUNNING || i.end() == Schedule.Phase.RUNNING)
            .map(i -> key(s.id(), i.locationId())))
        .collect(java.util.stream.Collectors.toCollection(java.util.concurrent.ConcurrentHashMap::newKeySet));
  }

  /**
   * The items left {@code RUNNING} with their outcome unknown, to be settled from the audit log and Webex: those a
   * previous process left when it stopped, and those whose write's answer was lost in this one.
   */
  Set<String> cutShort() {
    return Set.copyOf(cutShort);
  }

  /** An item whose write's answer was lost and could not be read back: the next rounds settle it. */
  void cutShort(int id, String locationId) {
    cutShort.add(key(id, locationId));
  }

  /** An item cut short is settled: nothing left RUNNING there. */
  void settled(String key) {
    cutShort.remove(key);
  }

  static String key(int id, String locationId) {
    return id + "|" + locationId;
  }

  synchronized List<Schedule> all() {
    return state.schedules();
  }

  synchronized Optional<Schedule> get(int id) {
    return state.schedules().stream().filter(s -> s.id() == id).findFirst();
  }

  synchronized LocalDate lastReport() {
    return state.lastReport();
  }

  /** Adds the schedule {@code make} builds with the next number. */
  synchronized Schedule add(IntFunction<Schedule> make) {
    Schedule schedule = make.apply(state.nextId());
    List<Schedule> all = new ArrayList<>(state.schedules());
    all.add(schedule);
    write(new State(state.nextId() + 1, state.lastReport(), all));
    return schedule;
  }

  /**
   * Removes a schedule that turned out to plan nothing; when it was the newest, its number is given back, so
   * numbers are only ever shown for schedules that exist.
   */
  synchronized void remove(int id) {
    List<Schedule> all = new ArrayList<>(state.schedules());
    all.removeIf(s -> s.id() == id);
    write(new State(id == state.nextId() - 1 ? id : state.nextId(), state.lastReport(), all));
  }

  /** Changes one schedule; returns it as changed. */
  synchronized Schedule update(int id, UnaryOperator<Schedule> change) {
    List<Schedule> all = new ArrayList<>();
    Schedule changed = null;
    for (Schedule s : state.schedules()) {
      if (s.id() == id) {
        changed = change.apply(s);
        all.add(changed);
      } else {
        all.add(s);
      }
    }
    if (changed == null) throw new IllegalArgumentException("No schedule " + id);
    write(new State(state.nextId(), state.lastReport(), all));
    return changed;
  }

  /**
   * Changes one item only if it still passes {@code check}: how a run claims an item before acting, so a cancel
   * or another run in between is noticed. Returns whether it changed.
   */
  synchronized boolean claim(int id, String locationId, Predicate<Schedule.Item> check,
      UnaryOperator<Schedule.Item> change) {
    Optional<Schedule> schedule = get(id);
    if (schedule.isEmpty() || !check.test(schedule.get().item(locationId))) return false;
    update(id, s -> s.withItem(locationId, change));
    return true;
  }

  /** Marks today's report as sent; false when it already was. */
  synchronized boolean claimReport(LocalDate day) {
    if (state.lastReport() != null && !state.lastReport().isBefore(day)) return false;
    write(new State(state.nextId(), day, state.schedules()));
    return true;
  }

  private State read() {
    if (!Files.exists(file)) return new State(1, null, List.of());
    try {
      return mapper.readValue(file.toFile(), State.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the schedules in " + file
          + "; fix or move the file (Switchboard will not start without knowing what it planned)", e);
    }
  }

  private void write(State next) {
    Instant horizon = clock.instant().minus(KEEP_FINISHED);
    List<Schedule> kept = next.schedules().stream()
        .filter(s -> s.planned() || s.items().stream().anyMatch(i -> lastTime(i).isAfter(horizon)))
        .toList();
    State pruned = new State(next.nextId(), next.lastReport(), kept);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(temp);
      PrivateFiles.create(temp);
      byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(pruned);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) channel.write(buffer);
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the schedules to " + file, e);
    }
    state = pruned;
  }

  private static Instant lastTime(Schedule.Item item) {
    return item.endAt() != null && item.endAt().isAfter(item.startAt()) ? item.endAt() : item.startAt();
  }

  /** Makes the rename itself durable; some platforms cannot open a directory, and there it is skipped. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the file's own contents were forced before the rename
    }
  }
}
