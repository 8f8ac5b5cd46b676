package dev.switchboard.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.calling.Message;
import dev.switchboard.calling.NewMessage;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.chat.webex.WebhookDefinitions;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@code demo}: the simulator with its demo org, the bot wired to it through the same webhook path
 * production uses, and a console where each line is a message from the current person. Works with
 * piped input, so a script can drive it.
 */
final class DemoCommand {

  static final String DEFAULT_PERSON = "ana.admin@example.com";
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
  static final String USAGE = """
      Usage: java -jar switchboard.jar demo [--as EMAIL] [--data-dir DIR] [--websocket]
        --as EMAIL      type as this person of the demo org (default ana.admin@example.com)
        --data-dir DIR  keep the audit log and schedules in DIR (default: a temporary directory)
        --websocket     the simulated Webex reaches the bot over its websocket, not webhooks
        --help          print this help""";

  private DemoCommand() {}

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    String as = DEFAULT_PERSON;
    Path dataDir = null;
    boolean websocket = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--as") && i + 1 < args.length) {
        as = args[++i].toLowerCase(Locale.ROOT);
      } else if (args[i].equals("--data-dir") && i + 1 < args.length) {
        dataDir = Path.of(args[++i]);
      } else if (args[i].equals("--websocket")) {
        websocket = true;
      } else if (args[i].equals("--help") || args[i].equals("-h")) {
        out.println(USAGE);
        return 0;
      } else {
        err.println("demo: unknown or incomplete option " + args[i] + ".");
        err.println(USAGE);
        return 2;
      }
    }
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      DemoOrg org = simulator.org();
      if (!isPerson(org, as)) {
        err.println("demo: " + as + " is not one of the demo people; they are:");
        org.people().forEach(p -> err.println("  " + p.email()));
        return 2;
      }
      Path data = dataDir != null ? dataDir : Files.createTempDirectory("switchboard-demo-");
      setAsideOldPlans(data, out);
      String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
      Metrics metrics = new Metrics();
      OkHttpClient http = Wiring.httpClient();
      WebexClient bot = WebexClient.builder()
          .baseUrl(simulator.baseUrl())
          .httpClient(http)
          .adminTokens(new StaticTokenProvider(org.adminToken()))
          .botTokens(new StaticTokenProvider(org.botToken()))
          .listener(metrics)
          .build();
      Service.Builder settings = Service.settings(bot, http)
          .policy(PolicyFile.parse(DemoOrg.policyYaml())).dataDir(data).metrics(metrics);
      if (websocket) {
        settings.webexSocket(HttpUrl.get("http://127.0.0.1:" + simulator.port() + "/u2c/api/v1"),
            new StaticTokenProvider(org.botToken()));
      } else {
        settings.webex(secret);
      }
      try (Service service = Service.start(settings.build())) {
        String url = "http://127.0.0.1:" + service.port();
        if (!websocket) new WebhookRegistrar(bot, WebhookDefinitions.load()).register(url, secret);
        // Webex delivers only to a registered, connected device: take no line before the socket is up.
        if (!service.awaitWebexSocket(Duration.ofSeconds(10))) err.println("demo: the Webex websocket did not connect");
        new Console(simulator, org, out, as).run(in, websocket ? null : url, data);
      }
      return 0;
    } catch (IOException e) {
      err.println("demo: could not start: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static boolean isPerson(DemoOrg org, String email) {
    return org.people().stream().anyMatch(p -> p.email().equalsIgnoreCase(email));
  }

  /**
   * The read-eval-print loop. Console words first; every other line is posted to the simulator as
   * the current person's message to the bot, and the bot's threaded reply is printed.
   */
  private static final class Console {
    private final WebexSimulator simulator;
    private final DemoOrg org;
    private final PrintStream out;
    private final Map<String, WebexClient> people = new HashMap<>();
    // Messages already shown, and the rooms to watch for the bot's later messages (a timed intercept's end).
    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private String person;

    Console(WebexSimulator simulator, DemoOrg org, PrintStream out, String person) {
      this.simulator = simulator;
      this.org = org;
      this.out = out;
      this.person = person;
    }

    void run(InputStream in, String url, Path data) throws IOException {
      out.println("Switchboard demo: a simulated Webex org (" + org.orgName() + ") at " + simulator.baseUrl());
      out.println((url == null ? "The bot hears Webex over its websocket (no webhooks)"
          : "The bot listens at " + url + "/webex/webhook") + "; its audit log is in " + data.resolve("audit"));
      out.println("You are " + person + ". Try: help, intercept status, intercept on at HQ, undo,");
      out.println("  transfer numbers for alice@example.com, intercept on at Austin, Denver (then yes).");
      out.println("  Timed: intercept on at Denver for 1m (the bot says so in the thread when it ends), schedules.");
      out.println("Console words: 'people' lists the demo people, 'as EMAIL' switches person, 'wait N' waits N s,");
      out.println("  'quit' leaves.");
      out.println();
      boolean interactive = System.console() != null;
      Thread watcher = new Thread(this::watch, "demo-thread-watcher");
      watcher.setDaemon(true);
      watcher.start();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      while (true) {
        if (interactive) {
          out.print(person + "> ");
          out.flush();
        }
        String line = reader.readLine();
        if (line == null) break;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) continue;
        if (!interactive) out.println(person + "> " + text);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("quit") || lower.equals("exit")) break;
        if (!consoleWord(lower)) say(text);
      }
      out.println("Bye.");
    }

    /** Posts the line as the person's message and prints the bot's reply in that thread. */
    private void say(String text) {
      String room = org.directRoomId(person);
      Message sent;
      try {
        sent = client(person).createMessage(new NewMessage(room, null, null, text, null, null));
      } catch (WebexException e) {
        out.println("(the simulator refused the message: " + e.getMessage() + ")");
        return;
      }
      rooms.add(room);
      Optional<JsonNode> reply = awaitReply(room, sent.id());
      reply.ifPresent(r -> shown.add(r.path("id").asText()));
      synchronized (out) {
        out.println(reply.map(r -> r.path("text").asText()).orElse("(no reply within "
            + REPLY_TIMEOUT.toSeconds() + " s)"));
      }
    }

    /**
     * Prints what the bot posts later in a thread on its own (a timed change made or taken back, a reminder): any
     * bot message that is not the first answer in its thread.
     */
    private void watch() {
      while (!Thread.currentThread().isInterrupted()) {
        for (String room : rooms) {
          List<JsonNode> messages = simulator.messagesInRoom(room);
          Set<String> answered = new HashSet<>();
          for (JsonNode m : messages) {
            if (!org.botPersonId().equals(m.path("personId").asText())) continue;
            String thread = m.path("parentId").asText();
            boolean first = answered.add(thread);
            if (!first && shown.add(m.path("id").asText())) {
              synchronized (out) {
                out.println("(later, in a thread) " + m.path("text").asText());
              }
            } else if (first) {
              shown.add(m.path("id").asText());
            }
          }
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private Optional<JsonNode> awaitReply(String room, String messageId) {
      long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<JsonNode> reply = simulator.messagesInRoom(room).stream()
            .filter(m -> org.botPersonId().equals(m.path("personId").asText())
                && messageId.equals(m.path("parentId").asText()))
            .findFirst();
        if (reply.isPresent()) return reply;
        try {
          Thread.sleep(15);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
      return Optional.empty();
    }

    private WebexClient client(String email) {
      return people.computeIfAbsent(email, e -> WebexClient.builder()
          .baseUrl(simulator.baseUrl())
          .botTokens(new StaticTokenProvider(org.tokenFor(e)))
          .adminTokens(new StaticTokenProvider(org.tokenFor(e)))
          .build());
    }

    /** Handles the console's own words; false when the line is for the bot. */
    private boolean consoleWord(String lower) {
      if (lower.matches("wait \\d{1,3}")) {
        // for piped scripts: give a timed intercept time to end ("intercept on at Denver for 1m", then "wait 70")
        int seconds = Integer.parseInt(lower.substring(5));
        try {
          Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return true;
      }
      if (lower.equals("people")) {
        org.people().forEach(p -> out.printf("  %-28s %-14s %s%n", p.email(), p.displayName(), p.description()));
        out.println();
        return true;
      }
      if (lower.startsWith("as ")) {
        String email = lower.substring(3).strip();
        if (isPerson(org, email)) {
          person = email;
          out.println("You are now " + email + ".");
        } else {
          out.println("No demo person has the email " + email + ". Type 'people' to list them.");
        }
        out.println();
        return true;
      }
      return false;
    }
  }

  /**
   * The simulator is seeded afresh on every start, so plans kept in a reused data directory describe an org that is
   * gone: they are set aside (renamed, not deleted) and the person is told. The audit log stays: history is history,
   * and undo reads what is live before it writes.
   */
  private static void setAsideOldPlans(Path data, PrintStream out) throws java.io.IOException {
    Path plans = data.resolve("schedules.json");
    if (!Files.exists(plans)) return;
    Path aside = data.resolve("schedules.json.before-" + System.currentTimeMillis());
    Files.move(plans, aside);
    out.println("The demo org was seeded afresh, so the plans kept in " + data + " no longer apply; they are set "
        + "aside in " + aside.getFileName() + ".");
  }
}
