package dev.switchboard.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit trail: JSON lines in {@code audit-YYYY-MM-DD.jsonl} files (UTC days) under
 * the data directory, created readable by the service only. An intent is forced to disk before
 * {@link #append} returns, so no Webex write happens that the log could lose. A torn last line after a
 * crash is skipped on reading, not fatal.
 */
public final class AuditLog implements AuditStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final String PREFIX = "audit-";
  private static final String SUFFIX = ".jsonl";

  private final Path directory;
  private final ObjectMapper mapper;
  private final Clock clock;
  // Every entry since the service started, plus those read at start: history and undo read these
  // without touching the disk. An audit line is a few hundred bytes; a busy year is tens of MB.
  private final List<AuditEntry> entries = new ArrayList<>();
  // The same entries by batch, so that undo finds its change's entries without a pass over all of them.
  private final Map<String, List<AuditEntry>> byBatch = new HashMap<>();
  // Intents with no outcome yet, by id, oldest first: settled by reading Webex (see Reconciler).
  private final Map<String, AuditEntry> unsettled = new LinkedHashMap<>();
  // Today's file, kept open: opening it per entry cost more than the write (guarded by this).
  private FileChannel channel;
  private LocalDate day;
  // How far the file is known to be on disk; forces are taken one at a time, and a force covers every write
  // before it (guarded by forcing).
  private final Object forcing = new Object();
  private FileChannel forcedChannel;
  private long forcedThrough;

  public AuditLog(Path directory, ObjectMapper mapper, Clock clock) {
    this.directory = directory;
    this.mapper = mapper;
    this.clock = clock;
    createDirectory(directory);
    readAll().forEach(this::remember);
  }

  /**
   * Writes the entry. An intent is forced to disk before this returns (it must survive a crash: the write it
   * announces is settled from it); other entries reach the disk with the next force or when the system flushes —
   * losing one to a crash loses nothing, since the intent before it is settled from Webex at the next start.
   * Concurrent intents share one force (group commit).
   */
  @Override
  public void append(AuditEntry entry) {
    FileChannel written;
    long end;
    synchronized (this) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      Path file = directory.resolve(PREFIX + today + SUFFIX);
      try {
        byte[] line = (mapper.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        written = channelFor(today, file);
        written.position(written.size());
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) written.write(buffer);
        end = written.position();
      } catch (IOException e) {
        throw new Unavailable("Could not write the audit log " + file + ": " + e.getMessage(), e);
      }
    }
    if (entry.intended()) force(written, end);
    synchronized (this) {
      remember(entry);
    }
  }

  /** The open file of {@code day}, opened (created 0600) at the first entry of the day; yesterday's is closed. */
  private FileChannel channelFor(LocalDate today, Path file) throws IOException {
    if (channel != null && today.equals(day) && channel.isOpen()) return channel;
    if (channel != null) {
      try (FileChannel old = channel) {
        old.force(false);
      } catch (IOException e) {
        log.warn("Could not close yesterday's audit file cleanly: {}", e.getMessage());
      }
      channel = null;
    }
    if (!Files.exists(file)) PrivateFiles.create(file);
    FileChannel opened = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    opened.position(opened.size());
    if (endsTorn(opened)) opened.write(ByteBuffer.wrap(new byte[] {'\n'}));
    channel = opened;
    day = today;
    return opened;
  }

  /** Forces the file through {@code end}, unless a force since the write already did (then it returns at once). */
  private void force(FileChannel written, long end) {
    synchronized (forcing) {
      if (written == forcedChannel && forcedThrough >= end) return;
      try {
        long through = written.size();
        written.force(false);
        forcedChannel = written;
        forcedThrough = through;
      } catch (ClosedChannelException e) {
        // Rotated at midnight: closing forced it.
      } catch (IOException e) {
        throw new Unavailable("Could not force the audit log to disk: " + e.getMessage(), e);
      }
    }
  }

  /** Forces and closes the open file; a later entry opens it again. */
  @Override
  public synchronized void close() {
    if (channel == null) return;
    try (FileChannel open = channel) {
      open.force(false);
    } catch (IOException e) {
      log.warn("Could not close the audit log cleanly: {}", e.getMessage());
    }
    channel = null;
  }

  private void remember(AuditEntry entry) {
    entries.add(entry);
    if (entry.batch() != null) byBatch.computeIfAbsent(entry.batch(), b -> new ArrayList<>(2)).add(entry);
    if (entry.intended()) unsettled.put(entry.id(), entry);
    if (entry.intent() != null) unsettled.remove(entry.intent());
  }

  @Override
  public synchronized List<AuditEntry> unsettled() {
    return List.copyOf(unsettled.values());
  }

  /** A crash mid-write leaves a line without its newline: end it, so the next entry stands alone. */
  private static boolean endsTorn(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) return false;
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, size - 1);
    return last.get(0) != '\n';
  }

  /** All entries, oldest first. */
  public synchronized List<AuditEntry> entries() {
    return List.copyOf(entries);
  }

  /** The entries that match, oldest first. */
  @Override
  public synchronized List<AuditEntry> entries(Predicate<AuditEntry> filter) {
    return entries.stream().filter(filter).toList();
  }

  @Override
  public synchronized List<AuditEntry> batch(String batch) {
    return List.copyOf(byBatch.getOrDefault(batch, List.of()));
  }

  @Override
  public synchronized void newestFirst(Predicate<AuditEntry> visitor) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (!visitor.test(entries.get(i))) return;
    }
  }

  public Path directory() {
    return directory;
  }

  private List<AuditEntry> readAll() {
    List<AuditEntry> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(AuditLog::isAuditFile).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.isBlank()) continue;
          try {
            all.add(mapper.readValue(line, AuditEntry.class));
          } catch (IOException e) {
            log.warn("Skipping unreadable audit line {} of {} (a write cut short by a crash?)", i + 1, file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the audit log in " + directory, e);
    }
    return all;
  }

  private static boolean isAuditFile(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
  }

  private static void createDirectory(Path directory) {
    try {
      PrivateFiles.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the data directory " + directory, e);
    }
  }
}
