package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import dev.switchboard.store.Database;
import dev.switchboard.store.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with {@code SWITCHBOARD_DATABASE_URL}: the same answers, the state in the database, not the files. */
final class ServeWithDatabaseTest {

  @TempDir Path dir;

  @Test
  void serve_withADatabase_migratesIt_answersOnce_andKeepsTheAuditThere() throws Exception {
    String databaseUrl = TestPostgres.emptyDatabaseUrl(); // serve migrates it at start
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      Path policy = Files.writeString(dir.resolve("policy.yaml"), dev.switchboard.sim.DemoOrg.policyYaml());
      Path passwordFile = Files.writeString(dir.resolve("db-password"), "unused-by-trust-auth\n");
      Map<String, String> env = new HashMap<>();
      env.put("WEBEX_BOT_TOKEN", simulator.org().botToken());
      env.put("WEBEX_WEBHOOK_SECRET", "serve-secret");
      env.put("WEBEX_CLIENT_ID", simulator.org().clientId());
      env.put("WEBEX_CLIENT_SECRET", simulator.org().clientSecret());
      env.put("WEBEX_REFRESH_TOKEN", simulator.org().refreshToken());
      env.put("WEBEX_API_BASE", simulator.baseUrl());
      try (ServerSocket free = new ServerSocket(0)) {
        env.put("PORT", Integer.toString(free.getLocalPort()));
      }
      env.put("SWITCHBOARD_POLICY", policy.toString());
      env.put("SWITCHBOARD_DATA_DIR", dir.resolve("data").toString());
      env.put("SWITCHBOARD_DATABASE_URL", databaseUrl);
      env.put("SWITCHBOARD_DATABASE_USER", "postgres");
      env.put("SWITCHBOARD_DATABASE_PASSWORD_FILE", passwordFile.toString());
      Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();

      try (Service service = ServeCommand.start(config, "127.0.0.1")) {
        String url = "http://127.0.0.1:" + service.port();
        assertThat(WebhooksCommand.run(new String[] {"register", "--url", url}, Map.of("WEBEX_BOT_TOKEN",
            simulator.org().botToken(), "WEBEX_WEBHOOK_SECRET", "serve-secret", "WEBEX_API_BASE",
            simulator.baseUrl()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            System.err)).isZero();

        String room = simulator.org().directRoomId(ANA);
        JsonNode sent = new WebexClientPerson(simulator, ANA).say(room, "intercept on at London");
        JsonNode reply = dev.switchboard.Await.poll(() -> simulator.messagesInRoom(room).stream()
            .filter(m -> sent.get("id").asText().equals(m.path("parentId").asText())).findFirst()).orElseThrow();
        assertThat(reply.get("markdown").asText()).contains("Intercept is now ON at London");
      }
    }
    try (Database database = Database.connect(databaseUrl, Optional.of("postgres"), Optional.empty());
        Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet applied = s.executeQuery("SELECT count(*) FROM audit_entry WHERE entry->>'outcome' = 'APPLIED'")) {
      applied.next();
      assertThat(applied.getInt(1)).isEqualTo(1);
    }
    try (var files = Files.list(dir.resolve("data").resolve("audit"))) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))).isEmpty();
    }
    // The reply was a card and the change could have been timed: neither the card ids nor the schedules are files.
    assertThat(dir.resolve("data").resolve("webex-cards")).doesNotExist();
    assertThat(dir.resolve("data").resolve("schedules.json")).doesNotExist();
    try (Database database = Database.connect(databaseUrl, Optional.of("postgres"), Optional.empty());
        Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet cards = s.executeQuery("SELECT count(*) FROM posted_card")) {
      cards.next();
      assertThat(cards.getInt(1)).isEqualTo(1);
    }
  }
}
