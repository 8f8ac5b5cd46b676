package dev.switchboard.app;

import dev.switchboard.config.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * {@code health [--url URL]}: exits 0 when {@code /healthz} answers 200 within a few seconds, else 1. It is the
 * container's health check, so the image needs neither a shell nor curl.
 */
final class HealthCommand {

  static final String USAGE = "Usage: java -jar switchboard.jar health [--url http://127.0.0.1:8080/healthz]";
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HealthCommand() {}

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String url = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--url") && i + 1 < args.length) {
        url = args[++i];
      } else if (args[i].equals("--help") || args[i].equals("-h")) {
        out.println(USAGE);
        return 0;
      } else {
        err.println("health: unknown argument " + args[i] + ". " + USAGE);
        return 2;
      }
    }
    if (url == null) url = defaultUrl(env);
    URL target;
    try {
      URI uri = new URI(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http or https URL");
      }
      target = uri.toURL();
    } catch (Exception e) {
      err.println("health: --url '" + url + "' is not an http or https URL. " + USAGE);
      return 2;
    }
    return probe(target, out, err);
  }

  /** {@code http://127.0.0.1:$PORT/healthz}, PORT defaulting to 8080 as {@code serve} does. */
  static String defaultUrl(Map<String, String> env) {
    String port = Variable.PORT.in(env);
    return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.strip()) + "/healthz";
  }

  private static int probe(URL target, PrintStream out, PrintStream err) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) target.openConnection();
      connection.setConnectTimeout((int) TIMEOUT.toMillis());
      connection.setReadTimeout((int) TIMEOUT.toMillis());
      connection.setInstanceFollowRedirects(false);
      int status = connection.getResponseCode();
      drain(connection);
      if (status == 200) {
        out.println("healthy: " + target + " answered 200");
        return 0;
      }
      err.println("unhealthy: " + target + " answered " + status);
      return 1;
    } catch (IOException e) {
      err.println("unhealthy: " + target + ": " + e);
      return 1;
    } finally {
      if (connection != null) connection.disconnect();
    }
  }

  private static void drain(HttpURLConnection connection) throws IOException {
    InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream();
    if (body != null) {
      try (body) {
        body.readNBytes(64 * 1024);
      }
    }
  }
}
