package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.AuditStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditStore} promises, run against the file log and the database alike: entries come back
 * as written and in order, intents stay unsettled until an outcome names them, and a store opened again on the
 * same place (a restart, another replica) sees all of it.
 */
abstract class AuditStoreContract {

  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  /** A store on the place this test's stores share; each call is a new instance (a restart, another replica). */
  abstract AuditStore open();

  static AuditEntry entry(String id, Outcome outcome, String intent) {
    return entry(id, "batch-" + id, outcome, intent);
  }

  static AuditEntry entry(String id, String batch, Outcome outcome, String intent) {
    return new AuditEntry(id, batch, NOW, "WEBEX", "ana", "ana.admin@example.com", "room-1", "msg-" + id,
        "intercept on at HQ", "intercept.change", "location", "loc-1", "HQ <b>&",
        MAPPER.createObjectNode().put("enabled", false), MAPPER.createObjectNode().put("enabled", true), outcome,
        null, List.of("TRACK-" + id), null, intent);
  }

  @Test
  void append_thenEntries_givesEveryFieldBack_inOrder() {
    AuditStore store = open();
    store.append(entry("1", Outcome.APPLIED, null));
    store.append(entry("2", Outcome.DENIED, null));
    store.append(entry("3", Outcome.APPLIED, null));

    List<AuditEntry> all = store.entries(e -> true);
    assertThat(all).extracting(AuditEntry::id).containsExactly("1", "2", "3");
    assertThat(all.get(0)).isEqualTo(entry("1", Outcome.APPLIED, null));
    assertThat(store.entries(AuditEntry::applied)).extracting(AuditEntry::id).containsExactly("1", "3");
  }

  @Test
  void intent_isUnsettled_untilAnOutcomeNamesIt() {
    AuditStore store = open();
    store.append(entry("i1", Outcome.INTENDED, null));
    store.append(entry("i2", Outcome.INTENDED, null));
    assertThat(store.unsettled()).extracting(AuditEntry::id).containsExactly("i1", "i2");

    store.append(entry("o1", Outcome.APPLIED, "i1"));
    assertThat(store.unsettled()).extracting(AuditEntry::id).containsExactly("i2");
  }

  @Test
  void storeOpenedAgain_seesEntriesAndOpenIntents() {
    AuditStore first = open();
    first.append(entry("i1", Outcome.INTENDED, null));
    first.append(entry("i2", Outcome.INTENDED, null));
    first.append(entry("o2", Outcome.FAILED, "i2"));

    AuditStore again = open();
    assertThat(again.entries(e -> true)).extracting(AuditEntry::id).containsExactly("i1", "i2", "o2");
    assertThat(again.unsettled()).extracting(AuditEntry::id).containsExactly("i1");
  }

  @Test
  void batch_givesOneCommandsEntries_oldestFirst() {
    AuditStore store = open();
    store.append(entry("a1", "batch-a", Outcome.INTENDED, null));
    store.append(entry("b1", "batch-b", Outcome.APPLIED, null));
    store.append(entry("a2", "batch-a", Outcome.APPLIED, "a1"));

    assertThat(store.batch("batch-a")).extracting(AuditEntry::id).containsExactly("a1", "a2");
    assertThat(store.batch("batch-a").get(1)).isEqualTo(entry("a2", "batch-a", Outcome.APPLIED, "a1"));
    assertThat(open().batch("batch-b")).extracting(AuditEntry::id).containsExactly("b1");
    assertThat(store.batch("batch-none")).isEmpty();
  }

  @Test
  void newestFirst_showsTheLatestFirst_stopsWhenTold_andReachesTheFirstPastManyEntries() {
    AuditStore store = open();
    int count = 450; // more than a page of the database's reads
    for (int i = 0; i < count; i++) store.append(entry("n" + i, Outcome.APPLIED, null));

    List<String> seen = new ArrayList<>();
    store.newestFirst(e -> {
      seen.add(e.id());
      return seen.size() < 3;
    });
    assertThat(seen).containsExactly("n449", "n448", "n447");

    List<String> all = new ArrayList<>();
    open().newestFirst(e -> all.add(e.id()));
    assertThat(all).hasSize(count).startsWith("n449", "n448").endsWith("n1", "n0").doesNotHaveDuplicates();
  }

  @Test
  void concurrentAppends_loseNone() throws Exception {
    AuditStore store = open();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = "c" + i;
        writes.add(pool.submit(() -> store.append(entry(id, Integer.parseInt(id.substring(1)) % 2 == 0 ? Outcome.INTENDED : Outcome.APPLIED, null))));
      }
      for (Future<?> write : writes) write.get();
    } finally {
      pool.shutdown();
    }
    assertThat(store.entries(e -> true)).hasSize(200).extracting(AuditEntry::id).doesNotHaveDuplicates();
    assertThat(store.unsettled()).hasSize(100);
  }
}
