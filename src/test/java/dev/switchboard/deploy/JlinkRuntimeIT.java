package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deploy.Tools.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the container's Java runtime with {@code deploy/container/jlink-runtime.sh} (as the Dockerfile does),
 * then runs the packaged jar on it: {@code demo} with a piped script, and {@code webhooks register} against a
 * local HTTPS server, so a module the runtime lacks (crypto, reflection) fails here rather than in production.
 */
final class JlinkRuntimeIT {

  private static final Path JAR = Path.of("target", "switchboard.jar").toAbsolutePath();
  private static final Path RUNTIME = Path.of("target", "jlink-runtime").toAbsolutePath();
  private static final Path SCRIPT = Path.of("deploy", "container", "jlink-runtime.sh").toAbsolutePath();

  @BeforeAll
  static void buildRuntime() {
    assertThat(JAR).as("the shaded jar (mvn package)").isRegularFile();
    Path jdk = Path.of(System.getProperty("java.home"));
    if (!Files.isExecutable(jdk.resolve("bin/jlink")) || !Files.isExecutable(jdk.resolve("bin/jdeps"))) {
      Tools.missing("The JDK running the tests (" + jdk + ") has no jlink/jdeps to build the runtime with.");
    }
    Path bash = Tools.require("run deploy/container/jlink-runtime.sh", "bash");
    Result built = Tools.run(Duration.ofMinutes(5), Path.of("").toAbsolutePath(), Map.of("JAVA_HOME", jdk.toString()),
        List.of(bash.toString(), SCRIPT.toString(), JAR.toString(), RUNTIME.toString()));
    assertThat(built.code()).as(built.output()).isZero();
    assertThat(RUNTIME.resolve("bin/java")).isExecutable();
  }

  @Test
  void runtime_isMinimal_andHasTheModulesLoadedByName() {
    Result modules = Tools.run(Duration.ofMinutes(1), List.of(java(), "--list-modules"));
    assertThat(modules.code()).isZero();
    assertThat(modules.output()).contains("java.base", "jdk.unsupported", "java.sql")
        .doesNotContain("jdk.compiler", "jdk.jshell", "java.scripting");
    if (Runtime.version().feature() < 22) assertThat(modules.output()).contains("jdk.crypto.ec");
  }

  @Test
  void demo_onTheRuntime_answersAPipedScript() throws Exception {
    Process demo = new ProcessBuilder(java(), "-jar", JAR.toString(), "demo")
        .redirectErrorStream(true).start();
    try (OutputStream in = demo.getOutputStream()) {
      in.write("intercept status at HQ\nintercept on at HQ\nundo\ntransfer numbers for alice@example.com\nquit\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(demo.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("Intercept is off at HQ.")
        .contains("Intercept is now ON at HQ.")
        .contains("Undone: intercept on at HQ.")
        .containsIgnoringCase("transfer numbers")
        .contains("Bye.")
        .doesNotContain("Exception", "NoClassDefFoundError");
  }

  /**
   * {@code webhooks register} calls an HTTPS "Webex" that presents an ECDSA certificate, the kind that needs
   * jdk.crypto.ec on JDK 17, through OkHttp on the runtime, trusting the test's root through the JDK's own
   * trust-store properties.
   */
  @Test
  void https_onTheRuntime_completesATlsHandshakeThroughOkHttp(@TempDir Path dir) throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("test root").build();
    HeldCertificate server = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
        .commonName("localhost").signedBy(root).build();
    HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
        .heldCertificate(server, root.certificate()).build();
    Path trustStore = trustStore(dir, root);

    try (MockWebServer webex = new MockWebServer()) {
      webex.useHttps(serverCertificates.sslSocketFactory());
      webex.start();
      webex.enqueue(json("{\"items\":[]}"));
      webex.enqueue(json(webhook("w1", "switchboard-messages", "messages")));
      webex.enqueue(json(webhook("w2", "switchboard-attachmentActions", "attachmentActions")));

      List<String> command = new ArrayList<>(List.of(java(),
          "-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
          "-Djavax.net.ssl.trustStoreType=PKCS12", "-jar", JAR.toString(),
          "webhooks", "register", "--url", "https://bot.example.com"));
      Result result = Tools.run(Duration.ofMinutes(1), dir, Map.of(
          "WEBEX_API_BASE", webex.url("/v1").toString().replace("127.0.0.1", "localhost"),
          "WEBEX_BOT_TOKEN", "bot-token", "WEBEX_WEBHOOK_SECRET", "hook-secret"), command);

      assertThat(result.code()).as(result.output()).isZero();
      assertThat(result.output()).contains("switchboard-messages", "switchboard-attachmentActions");
      RecordedRequest list = webex.takeRequest(5, TimeUnit.SECONDS);
      assertThat(list).isNotNull();
      assertThat(list.getHandshake()).as("the request came over TLS").isNotNull();
      assertThat(list.getHandshake().cipherSuite().javaName()).startsWith("TLS_");
      assertThat(list.getTarget()).startsWith("/v1/webhooks");
    }
  }

  /**
   * The image's class-data archive (issue 19): the runtime carries the JDK's own archive (jlink
   * {@code --generate-cds-archive}), {@code warm-up} trains one of the jar's classes on it, and the JVM then maps it
   * ({@code -Xshare:on} refuses to start when it cannot) and runs the demo with it.
   */
  @Test
  void classDataArchive_trainedByWarmUp_isUsedByTheRuntime(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("switchboard.jsa");
    Result trained = Tools.run(Duration.ofMinutes(2), List.of(java(), "-XX:ArchiveClassesAtExit=" + archive,
        "-Xlog:cds=error", "-Xlog:cds+dynamic=error", "-jar", JAR.toString(), "warm-up"));
    assertThat(trained.code()).as(trained.output()).isZero();
    assertThat(archive).isRegularFile();
    Result used = Tools.run(Duration.ofMinutes(1), List.of(java(), "-XX:SharedArchiveFile=" + archive, "-Xshare:on",
        "-Xlog:class+load=info", "-cp", JAR.toString(), "dev.switchboard.app.Main", "--help"));
    assertThat(used.code()).as(used.output()).isZero();
    assertThat(used.output()).contains("Usage: java -jar switchboard.jar")
        .containsPattern("dev\\.switchboard\\.app\\.Main source: shared objects file \\(top\\)");
  }

  private static String java() {
    return RUNTIME.resolve("bin/java").toString();
  }

  private static Path trustStore(Path dir, HeldCertificate root) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("test-root", root.certificate());
    Path file = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }
    return file;
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String webhook(String id, String name, String resource) throws IOException {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"targetUrl\":\"https://bot.example.com/webex/webhook\","
        + "\"resource\":\"" + resource + "\",\"event\":\"created\",\"secret\":\"hook-secret\",\"status\":\"active\","
        + "\"created\":\"2026-01-01T00:00:00.000Z\"}";
  }
}
