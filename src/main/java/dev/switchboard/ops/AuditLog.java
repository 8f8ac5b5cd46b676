package dev.switchboard.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit trail: JSON lines in {@code audit-YYYY-MM-DD.jsonl} files (UTC days) under
 * the data directory, created readable by the service only. Each entry is forced to disk before
 * {@link #append} returns, so a reply never announces a change the log could lose. A torn last
 * line after a crash is skipped on reading, not fatal.
 */
public final class AuditLog implements AuditStore {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final String PREFIX = "audit-";
  private static final String SUFFIX = ".jsonl";

  private final Path directory;
  private final ObjectMapper mapper;
  private final Clock clock;
  // Every entry since the service started, plus those read at start: history and undo read these
  // without touching the disk. An audit line is a few hundred bytes; a busy year is tens of MB.
  private final List<AuditEntry> entries = new ArrayList<>();
  // Intents with no outcome yet, by id, oldest first: settled by reading Webex (see Reconciler).
  private final Map<String, AuditEntry> unsettled = new LinkedHashMap<>();

  public AuditLog(Path directory, ObjectMapper mapper, Clock clock) {
    this.directory = directory;
    this.mapper = mapper;
    this.clock = clock;
    createDirectory(directory);
    readAll().forEach(this::remember);
  }

  /** Writes the entry and forces it to disk. */
  @Override
  public synchronized void append(AuditEntry entry) {
    Path file = directory.resolve(PREFIX + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + SUFFIX);
    try {
      byte[] line = (mapper.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(file)) PrivateFiles.create(file);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        channel.position(channel.size());
        if (endsTorn(channel)) channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) channel.write(buffer);
        channel.force(false);
      }
    } catch (IOException e) {
      throw new Unavailable("Could not write the audit log " + file + ": " + e.getMessage(), e);
    }
    remember(entry);
  }

  private void remember(AuditEntry entry) {
    entries.add(entry);
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
