package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestClock;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.ops.schedule.ScheduleBook;
import dev.switchboard.ops.schedule.ScheduleSettings;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import dev.switchboard.store.Database;
import dev.switchboard.store.PgAuditStore;
import dev.switchboard.store.PgFollowUps;
import dev.switchboard.store.PgLocationLocks;
import dev.switchboard.store.PgPendingStore;
import dev.switchboard.store.PgScheduleBook;
import dev.switchboard.store.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Switchboard replicas on one database, one Webex and one fake clock, their schedulers run when the test says:
 * a due step runs once, and the replica that dies in the middle of one has it finished by the other, once; a preview
 * shown by one is confirmed on the other, and a confirm taken by both at once applies once.
 */
final class ReplicaOpsTest {

  /** Wed 25 Nov 2026, 08:59 UTC: the daily report is due a minute later. */
  private static final Instant START = Instant.parse("2026-11-25T08:59:00Z");

  @TempDir Path dirA;
  @TempDir Path dirB;
  private final TestClock time = new TestClock(START);
  private WebexSimulator simulator;
  private DemoOrg org;
  private String url;
  private Replica a;
  private Replica b;
  private final List<Database> pools = new ArrayList<>();

  /** One replica: its own pool, audit directory, Webex client (with a switch to freeze it mid-write) and announcer. */
  private final class Replica {
    final Database database = Database.connect(url, Optional.of("postgres"), Optional.empty());
    final Freeze freeze = new Freeze();
    final RecordingAnnouncer announcer = new RecordingAnnouncer();
    final Operations operations;

    Replica(Path dir) {
      pools.add(database);
      WebexClient client = WebexClient.builder().baseUrl(simulator.baseUrl())
          .adminTokens(new StaticTokenProvider(org.adminToken())).botTokens(new StaticTokenProvider(org.botToken()))
          .sleeper(time).httpClient(new OkHttpClient.Builder().addInterceptor(freeze).build()).build();
      AuditLog files = new AuditLog(dir, client.objectMapper(), time);
      ScheduleSettings settings = ScheduleSettings.defaults()
          .withReportRoom(new Announcer.Room(Requester.Platform.WEBEX, "ops-room"));
      operations = Operations.builder(client, PolicyFile.parse(SimulatedOrg.demoPolicy()), files)
          .auditStore(new PgAuditStore(database, client.objectMapper()))
          .replicaLocks(new PgLocationLocks(database))
          .scheduleBook(new PgScheduleBook(database, client.objectMapper(), time))
          .pendingStore(new Lockstep(new PgPendingStore(database))).followUpStore(new PgFollowUps(database))
          .settings(Operations.Settings.defaults().withSchedules(settings))
          .clock(time).ticker(time).sleeper(time).cacheRefresher(Runnable::run).announcer(announcer)
          .build();
    }

    Reply say(String text) {
      return operations.handle(new Requester(Requester.Platform.CONSOLE, ANA, org.personId(ANA), ANA, "console",
          null), text);
    }

    void round() {
      operations.scheduler().runDue();
    }

    /** Killed: its connections go (and the locks they held), nothing it still does reaches the database. */
    void kill() {
      database.close();
    }
  }

  /**
   * Freezes the replica at its next intercept write, as a process stopped there: before the request leaves, or just
   * after Webex took it; {@link #thaw} lets the frozen call fail, as if the process were gone.
   */
  private static final class Freeze implements Interceptor {
    volatile Boolean afterTheWrite;
    final CountDownLatch frozen = new CountDownLatch(1);
    final CountDownLatch thawed = new CountDownLatch(1);

    @Override
    public Response intercept(Chain chain) throws IOException {
      boolean write = chain.request().method().equals("PUT") && chain.request().url().encodedPath()
          .endsWith("/intercept");
      Boolean after = afterTheWrite;
      if (!write || after == null) return chain.proceed(chain.request());
      if (after) chain.proceed(chain.request()).close();
      frozen.countDown();
      try {
        thawed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("the process is gone (by the test)");
    }

    void thaw() {
      thawed.countDown();
    }
  }

  /** While set, both replicas' look-ups of a preview meet here: each has read it before either takes it. */
  private volatile java.util.concurrent.CyclicBarrier lockstep;

  /** The database's previews, with look-ups held in step with the other replica's while {@link #lockstep} is set. */
  private final class Lockstep implements PendingStore {
    private final PendingStore store;

    Lockstep(PendingStore store) {
      this.store = store;
    }

    @Override
    public Optional<Confirmations.Pending> get(String key) {
      java.util.concurrent.CyclicBarrier barrier = lockstep;
      if (barrier != null) {
        try {
          barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException("the other replica did not look the preview up", e);
        }
      }
      return store.get(key);
    }

    @Override
    public void put(Confirmations.Pending pending) {
      store.put(pending);
    }

    @Override
    public boolean remove(String key, String id) {
      lockstep = null; // both have read it: from here on each goes its own way
      return store.remove(key, id);
    }

    @Override
    public List<Confirmations.Pending> inConversation(Requester.Platform platform, String conversation) {
      return store.inConversation(platform, conversation);
    }

    @Override
    public void forgetBefore(Instant horizon) {
      store.forgetBefore(horizon);
    }
  }

  @BeforeEach
  void start() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    org = simulator.org();
    url = TestPostgres.freshDatabaseUrl();
    a = new Replica(dirA);
    b = new Replica(dirB);
  }

  @AfterEach
  void stop() {
    a.freeze.thaw();
    b.freeze.thaw();
    pools.forEach(Database::close);
    simulator.close();
  }

  private long interceptWrites() {
    return simulator.calls().stream().filter(c -> c.method().equals("PUT") && c.path().endsWith("/intercept"))
        .count();
  }

  private List<RecordingAnnouncer.Said> threads() {
    List<RecordingAnnouncer.Said> all = new ArrayList<>(a.announcer.inThreads());
    all.addAll(b.announcer.inThreads());
    return all;
  }

  @Test
  void aDueRevert_reachedByBothReplicas_runsOnce() {
    JsonNode before = simulator.locationIntercept("HQ").deepCopy();
    a.say("intercept on at HQ for 1h");
    time.advance(Duration.ofHours(1));
    long writes = interceptWrites();

    a.round();
    b.round();
    a.round();

    assertThat(interceptWrites() - writes).isEqualTo(1);
    assertThat(simulator.locationIntercept("HQ")).isEqualTo(before);
    assertThat(threads()).filteredOn(s -> s.text().contains("is over")).hasSize(1);
  }

  @Test
  void theReplicaOwningADueRevert_killedBeforeItsWrite_theOtherRunsItOnce() throws Exception {
    killedMidRevert(false);
  }

  @Test
  void theReplicaOwningADueRevert_killedAfterItsWrite_theOtherFinishesItWithoutWritingAgain() throws Exception {
    killedMidRevert(true);
  }

  private void killedMidRevert(boolean afterTheWrite) throws Exception {
    JsonNode before = simulator.locationIntercept("HQ").deepCopy();
    assertThat(SimulatedOrg.text(a.say("intercept on at HQ for 1h"))).contains("Intercept is now ON at HQ");
    time.advance(Duration.ofHours(1));
    long writes = interceptWrites();

    a.freeze.afterTheWrite = afterTheWrite;
    Thread owner = new Thread(a::round, "replica-a-round");
    owner.start();
    assertThat(a.freeze.frozen.await(30, TimeUnit.SECONDS)).as("a claimed the revert and reached its write").isTrue();
    a.kill();

    // a's claim is still within its lease: b leaves the revert alone.
    b.round();
    assertThat(interceptWrites() - writes).isEqualTo(afterTheWrite ? 1 : 0);
    assertThat(b.announcer.inThreads()).noneMatch(s -> s.text().contains("is over"));

    time.advance(ScheduleBook.LEASE.plusSeconds(1));
    b.round();
    a.freeze.thaw();
    owner.join(TimeUnit.SECONDS.toMillis(30));
    b.round();
    time.advance(Duration.ofMinutes(5));
    b.round();

    assertThat(interceptWrites() - writes).as("one revert write in all").isEqualTo(1);
    assertThat(simulator.locationIntercept("HQ")).isEqualTo(before);
    assertThat(b.announcer.inThreads()).filteredOn(s -> s.text().contains("is over")).singleElement()
        .satisfies(s -> assertThat(s.text()).contains(afterTheWrite ? "HQ: already back as it was"
            : "HQ: back to how it was"));
  }

  @Test
  void theDailyReport_isPostedByOneReplica_andByTheOtherWhenTheFirstStopsBeforePostingIt() {
    time.advance(Duration.ofMinutes(2));
    a.round();
    b.round();
    assertThat(a.announcer.inRoom("ops-room")).hasSize(1);
    assertThat(b.announcer.inRoom("ops-room")).isEmpty();

    // The next day a cannot post (Webex refuses) and then stops; b stays out while a holds the day, then takes it.
    time.advance(Duration.ofDays(1));
    a.announcer.posting = false;
    a.round();
    b.round();
    assertThat(b.announcer.inRoom("ops-room")).isEmpty();
    time.advance(ScheduleBook.LEASE.plusSeconds(1));
    b.round();
    a.announcer.posting = true;
    time.advance(Duration.ofMinutes(15));
    a.round();

    assertThat(a.announcer.inRoom("ops-room")).hasSize(2); // the first day's, and the next day's refused attempt
    assertThat(b.announcer.inRoom("ops-room")).singleElement()
        .satisfies(s -> assertThat(s.text()).contains("Forgotten intercepts?"));
  }

  @Test
  void aPreviewShownByOneReplica_isConfirmedOnTheOther() {
    assertThat(SimulatedOrg.text(a.say("intercept on at Austin, Denver"))).contains("Preview");

    assertThat(SimulatedOrg.text(b.say("yes"))).contains("Austin").doesNotContain("Nothing is waiting");
    assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean()).isTrue();
    assertThat(simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();
    assertThat(SimulatedOrg.text(a.say("yes"))).contains("Nothing is waiting");
  }

  /** A follow-up reaching the other replica finds the command before it: "same for Denver" after Austin on A. */
  @Test
  void aFollowUp_reachingTheOtherReplica_standsOnTheCommandBefore() {
    a.say("intercept on at Austin");
    assertThat(SimulatedOrg.text(b.say("same for Denver"))).contains("Shall I run intercept on at Denver?")
        .doesNotContain("Same as what?");
    assertThat(SimulatedOrg.text(a.say("yes"))).contains("Intercept is now ON at Denver");

    assertThat(SimulatedOrg.text(a.say("make it 2 hours"))).contains("Shall I run intercept on at Denver for 2 hours?");
  }

  @Test
  void aConfirmTakenByBothReplicasAtOnce_appliesOnce() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (String location : List.of("Austin", "Denver", "HQ")) {
        boolean on = !simulator.locationIntercept(location).get("enabled").asBoolean();
        a.say("intercept " + (on ? "on" : "off") + " at " + location + ", Sydney");
        CountDownLatch go = new CountDownLatch(1);
        lockstep = new java.util.concurrent.CyclicBarrier(2);
        var first = pool.submit(() -> {
          go.await();
          return SimulatedOrg.text(a.say("yes"));
        });
        var second = pool.submit(() -> {
          go.await();
          return SimulatedOrg.text(b.say("yes"));
        });
        go.countDown();
        List<String> answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

        assertThat(answers).as(location).filteredOn(t -> t.contains("Nothing is waiting")).hasSize(1);
        assertThat(simulator.locationIntercept(location).get("enabled").asBoolean()).isEqualTo(on);
      }
    } finally {
      pool.shutdown();
    }
  }
}
