package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestClock;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.Operations;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.ops.Requester;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import dev.switchboard.store.Database;
import dev.switchboard.store.PgAuditStore;
import dev.switchboard.store.PgLocationLocks;
import dev.switchboard.store.PgScheduleBook;
import dev.switchboard.store.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import}: a single instance's files into the database, twice without duplicates, and the plans still run. */
final class ImportCommandTest {

  @TempDir Path dataDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final TestClock time = new TestClock();
  private WebexSimulator simulator;
  private WebexClient client;
  private String url;
  private Map<String, String> env;

  @BeforeEach
  void start() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    DemoOrg org = simulator.org();
    client = WebexClient.builder().baseUrl(simulator.baseUrl()).adminTokens(new StaticTokenProvider(org.adminToken()))
        .botTokens(new StaticTokenProvider(org.botToken())).sleeper(time).build();
    url = TestPostgres.emptyDatabaseUrl();
    env = Map.of("SWITCHBOARD_DATABASE_URL", url, "SWITCHBOARD_DATABASE_USER", "postgres");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private int importing(String... args) {
    out.reset();
    err.reset();
    return ImportCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Requester ana() {
    return new Requester(Requester.Platform.CONSOLE, ANA, simulator.org().personId(ANA), ANA, "console", null);
  }

  @Test
  void aFileStore_isCopiedOnce_andItsScheduleRunsFromTheDatabase() {
    AuditLog files = new AuditLog(dataDir.resolve("audit"), client.objectMapper(), time);
    Operations single = Operations.builder(client, PolicyFile.parse(DemoOrg.policyYaml()), files).clock(time)
        .ticker(time).sleeper(time).cacheRefresher(Runnable::run).scheduleFile(dataDir.resolve("schedules.json"))
        .build();
    single.handle(ana(), "intercept on at Austin");
    single.handle(ana(), "intercept on at HQ for 2h");
    int entries = files.entries(e -> true).size();

    assertThat(importing("--data-dir", dataDir.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Audit: copied " + entries + " of " + entries + " entries.")
        .contains("Schedules: copied 1 of 1 (#1).");
    assertThat(importing("--data-dir", dataDir.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Audit: copied 0 of " + entries + " entries (" + entries + " were in the database already).")
        .contains("Schedules: copied 0 of 1; 1 were in the database already.");

    try (Database database = Database.connect(url, Optional.of("postgres"), Optional.empty())) {
      PgAuditStore audit = new PgAuditStore(database, client.objectMapper());
      assertThat(audit.entries(e -> true)).hasSize(entries);
      Operations replica = Operations.builder(client, PolicyFile.parse(DemoOrg.policyYaml()),
              new AuditLog(dataDir.resolve("replica"), client.objectMapper(), time))
          .auditStore(audit).replicaLocks(new PgLocationLocks(database))
          .scheduleBook(new PgScheduleBook(database, client.objectMapper(), time))
          .clock(time).ticker(time).sleeper(time).cacheRefresher(Runnable::run).build();
      assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();

      time.advance(Duration.ofHours(2));
      replica.scheduler().runDue();

      assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
      assertThat(replica.handle(ana(), "undo").tone()).isEqualTo(dev.switchboard.ops.Reply.Tone.SUCCESS);
      assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean())
          .as("undo finds the imported change").isFalse();
    }
  }

  @Test
  void aNumberTheDatabaseUsesForAnotherSchedule_isNamed_andLeftAlone() {
    AuditLog files = new AuditLog(dataDir.resolve("audit"), client.objectMapper(), time);
    Operations.builder(client, PolicyFile.parse(DemoOrg.policyYaml()), files).clock(time).ticker(time).sleeper(time)
        .cacheRefresher(Runnable::run).scheduleFile(dataDir.resolve("schedules.json")).build()
        .handle(ana(), "intercept on at HQ for 2h");
    try (Database database = Database.connect(url, Optional.of("postgres"), Optional.empty())) {
      database.migrate();
      Operations replica = Operations.builder(client, PolicyFile.parse(DemoOrg.policyYaml()),
              new AuditLog(dataDir.resolve("replica"), client.objectMapper(), time))
          .auditStore(new PgAuditStore(database, client.objectMapper()))
          .scheduleBook(new PgScheduleBook(database, client.objectMapper(), time))
          .clock(time).ticker(time).sleeper(time).cacheRefresher(Runnable::run).build();
      replica.handle(ana(), "intercept on at Austin for 3h");
    }

    assertThat(importing("--data-dir", dataDir.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Schedules: copied 0 of 1.");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("schedules #1 were not copied")
        .contains("different schedules under those numbers");
    assertThat(importing("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--data-dir DIR");
  }

  @Test
  void aDirectoryWithoutAFileStore_orNoDatabase_isRefusedNamingWhatIsMissing() {
    assertThat(importing("--data-dir", dataDir.resolve("nothing").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no audit log").contains("SWITCHBOARD_DATA_DIR");
    assertThat(importing()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data-dir DIR");

    env = Map.of();
    new AuditLog(dataDir.resolve("audit"), client.objectMapper(), time);
    assertThat(importing("--data-dir", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SWITCHBOARD_DATABASE_URL");
  }
}
