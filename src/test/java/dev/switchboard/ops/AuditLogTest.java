package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AuditLogTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @TempDir Path dir;

  private static AuditEntry entry(String id, Instant time) {
    return new AuditEntry(id, "batch-" + id, time, "CONSOLE", "ana", "ana.admin@example.com", "console", "msg-" + id,
        "intercept on at HQ", "intercept.change", "location", "loc-1", "HQ", MAPPER.createObjectNode().put("enabled", false),
        MAPPER.createObjectNode().put("enabled", true), AuditEntry.Outcome.APPLIED, null, List.of("TRACK-1"), null, null);
  }

  @Test
  void append_thenReopen_readsEveryEntryBack() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    AuditLog log = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    log.append(entry("1", now));
    log.append(entry("2", now));

    AuditLog reopened = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    assertThat(reopened.entries()).extracting(AuditEntry::id).containsExactly("1", "2");
    assertThat(reopened.entries().get(0).after().get("enabled").asBoolean()).isTrue();
    assertThat(reopened.entries().get(0).trackingIds()).containsExactly("TRACK-1");
  }

  private static AuditEntry inBatch(String id, String batch, Instant time) {
    AuditEntry e = entry(id, time);
    return new AuditEntry(e.id(), batch, e.time(), e.platform(), e.requesterId(), e.requesterEmail(),
        e.conversation(), e.messageId(), e.command(), e.action(), e.targetType(), e.targetId(), e.targetName(),
        e.before(), e.after(), e.outcome(), null, List.of(), null, null);
  }

  @Test
  void aBatch_andTheNewestFirstWalk_seeWhatWasAppended_andWhatWasReadAtStart() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    AuditLog log = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    log.append(inBatch("1", "b1", now));
    log.append(inBatch("2", "b2", now));
    log.append(inBatch("3", "b1", now));
    AuditLog reopened = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    reopened.append(inBatch("4", "b1", now));

    assertThat(reopened.batch("b1")).extracting(AuditEntry::id).containsExactly("1", "3", "4");
    assertThat(reopened.batch("b2")).extracting(AuditEntry::id).containsExactly("2");
    assertThat(reopened.batch("none")).isEmpty();
    List<String> walked = new java.util.ArrayList<>();
    reopened.newestFirst(e -> {
      walked.add(e.id());
      return !e.id().equals("2"); // stop there
    });
    assertThat(walked).as("newest first, and no further than the visitor wants").containsExactly("4", "3", "2");
  }

  private static AuditEntry intent(String id, Instant time) {
    AuditEntry e = entry(id, time);
    return new AuditEntry(e.id(), e.batch(), e.time(), e.platform(), e.requesterId(), e.requesterEmail(),
        e.conversation(), e.messageId(), e.command(), e.action(), e.targetType(), e.targetId(), e.targetName(),
        e.before(), e.after(), AuditEntry.Outcome.INTENDED, null, List.of(), null, null);
  }

  private static AuditEntry outcomeOf(String id, String intentId, Instant time) {
    AuditEntry e = entry(id, time);
    return new AuditEntry(e.id(), e.batch(), e.time(), e.platform(), e.requesterId(), e.requesterEmail(),
        e.conversation(), e.messageId(), e.command(), e.action(), e.targetType(), e.targetId(), e.targetName(),
        e.before(), e.after(), AuditEntry.Outcome.APPLIED, null, List.of(), null, intentId);
  }

  @Test
  void manyWritersAtOnce_everyEntryIsReadBack_whole() throws Exception {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    AuditLog log = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int writer = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            String id = writer + "-" + i;
            log.append(i % 2 == 0 ? intent(id, now) : outcomeOf(id, writer + "-" + (i - 1), now));
          }
        }));
      }
      for (var f : done) f.get();
    } finally {
      pool.shutdown();
    }
    log.close();

    AuditLog reopened = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    assertThat(reopened.entries()).hasSize(400);
    assertThat(reopened.unsettled()).isEmpty();
  }

  @Test
  void anIntentWithoutItsOutcome_isUnsettled_untilTheOutcomeNamesIt_acrossAReopen() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    AuditLog log = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    log.append(intent("i1", now));
    log.append(intent("i2", now));
    log.append(outcomeOf("o1", "i1", now));

    AuditLog reopened = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    assertThat(reopened.unsettled()).extracting(AuditEntry::id).containsExactly("i2");
    reopened.append(outcomeOf("o2", "i2", now));
    assertThat(reopened.unsettled()).isEmpty();
  }

  @Test
  void append_createsOwnerOnlyFileNamedForTheUtcDay() throws IOException {
    Instant now = Instant.parse("2026-11-25T23:59:00Z");
    new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC)).append(entry("1", now));
    Path file = dir.resolve("audit-2026-11-25.jsonl");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void newDataDirectory_andItsAuditDirectory_areOwnerOnly() throws IOException {
    Path data = dir.resolve("data");
    new AuditLog(data.resolve("audit"), MAPPER, Clock.systemUTC());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("audit"))))
        .isEqualTo("rwx------");
  }

  @Test
  void append_nextDay_rotatesToANewFile_andReaderReadsBoth() throws IOException {
    Instant day1 = Instant.parse("2026-11-25T12:00:00Z");
    Instant day2 = Instant.parse("2026-11-26T00:01:00Z");
    new AuditLog(dir, MAPPER, Clock.fixed(day1, ZoneOffset.UTC)).append(entry("1", day1));
    new AuditLog(dir, MAPPER, Clock.fixed(day2, ZoneOffset.UTC)).append(entry("2", day2));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("audit-2026-11-25.jsonl", "audit-2026-11-26.jsonl");
    }
    assertThat(new AuditLog(dir, MAPPER, Clock.systemUTC()).entries()).extracting(AuditEntry::id)
        .containsExactly("1", "2");
  }

  @Test
  void reopen_tornLastLine_isSkippedNotFatal() throws IOException {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC)).append(entry("1", now));
    Files.writeString(dir.resolve("audit-2026-11-25.jsonl"), "{\"id\":\"2\",\"batch\":\"b\",\"ti",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    AuditLog reopened = new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC));
    assertThat(reopened.entries()).extracting(AuditEntry::id).containsExactly("1");
    reopened.append(entry("3", now));
    assertThat(new AuditLog(dir, MAPPER, Clock.fixed(now, ZoneOffset.UTC)).entries()).extracting(AuditEntry::id)
        .containsExactly("1", "3");
  }
}
