package dev.switchboard.ops.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ops.PrivateFiles;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The schedules of one instance: one JSON file in the data directory, readable by the service only, replaced
 * atomically (written to a temporary file, forced to disk, renamed over the old one, directory forced) on every
 * change, so a {@code kill -9} leaves either the old state or the new one, never half. Every method returns after
 * the change is on disk. One process owns the file, so leases are moot: what the previous one left running is
 * handed over once, at the first {@link #abandoned} call.
 */
final class FileScheduleBook implements ScheduleBook {

  /** What the file holds. */
  record State(int nextId, LocalDate lastReport, List<JsonNode> schedules) {
    State {
      schedules = schedules == null ? List.of() : List.copyOf(schedules);
      nextId = Math.max(1, nextId);
    }
  }

  private final Path file;
  private final ObjectMapper mapper;
  private final Clock clock;
  private int nextId;
  private LocalDate lastReport;
  private List<Page> pages;
  private final Set<String> leftRunning = new HashSet<>();

  FileScheduleBook(Path file, ObjectMapper mapper, Clock clock) {
    this.file = file;
    this.mapper = mapper;
    this.clock = clock;
    State state = read();
    this.nextId = state.nextId();
    this.lastReport = state.lastReport();
    this.pages = state.schedules().stream().map(node -> ScheduleStore.page(node, mapper)).toList();
    pages.forEach(p -> p.running().forEach(location -> leftRunning.add(ScheduleStore.key(p.id(), location))));
  }

  @Override
  public synchronized List<Page> all() {
    return pages;
  }

  @Override
  public synchronized Optional<Page> get(int id) {
    return pages.stream().filter(p -> p.id() == id).findFirst();
  }

  @Override
  public synchronized Page add(IntFunction<Page> make) {
    Page page = make.apply(nextId);
    List<Page> all = new ArrayList<>(pages);
    all.add(page);
    write(nextId + 1, lastReport, all);
    return page;
  }

  @Override
  public synchronized void remove(int id) {
    List<Page> all = new ArrayList<>(pages);
    all.removeIf(p -> p.id() == id);
    write(id == nextId - 1 ? id : nextId, lastReport, all);
  }

  @Override
  public synchronized Optional<Page> update(int id, UnaryOperator<Page> change) {
    List<Page> all = new ArrayList<>();
    Page changed = null;
    for (Page p : pages) {
      Page next = p.id() == id ? change.apply(p) : null;
      if (next != null) changed = next;
      all.add(next != null ? next : p);
    }
    if (changed != null) write(nextId, lastReport, all);
    return Optional.ofNullable(changed);
  }

  @Override
  public synchronized Optional<LocalDate> lastReport() {
    return Optional.ofNullable(lastReport);
  }

  @Override
  public synchronized boolean holdReport(LocalDate day, Instant now) {
    return lastReport == null || lastReport.isBefore(day);
  }

  @Override
  public synchronized void reportDone(LocalDate day) {
    if (lastReport != null && !lastReport.isBefore(day)) return;
    write(nextId, day, pages);
  }

  @Override
  public synchronized Set<String> abandoned(Instant now) {
    Set<String> handed = Set.copyOf(leftRunning);
    leftRunning.clear();
    return handed;
  }

  @Override
  public void heartbeat(Instant now) {
    // One process owns the file: there is nobody to hand its items to.
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

  private void write(int next, LocalDate report, List<Page> all) {
    Instant horizon = clock.instant().minus(KEEP_FINISHED);
    List<Page> kept = all.stream().filter(p -> p.planned() || p.lastTime().isAfter(horizon)).toList();
    State state = new State(next, report, kept.stream().map(Page::doc).toList());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(temp);
      PrivateFiles.create(temp);
      byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
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
    nextId = next;
    lastReport = report;
    pages = kept;
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
