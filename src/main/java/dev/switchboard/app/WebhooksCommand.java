package dev.switchboard.app;

import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.chat.webex.WebhookDefinitions;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.Variable;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code webhooks register --url URL}: creates or updates the bot's own Webex webhooks. */
final class WebhooksCommand {

  private static final String USAGE = "Usage: java -jar switchboard.jar webhooks register --url PUBLIC_URL";

  private WebhooksCommand() {}

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 0 || !args[0].equals("register")) {
      err.println(USAGE);
      return 2;
    }
    String url = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--url") && i + 1 < args.length) {
        url = args[++i];
      } else {
        err.println("webhooks register: unknown argument " + args[i] + ".");
        err.println(USAGE);
        return 2;
      }
    }
    if (url == null) url = Variable.PUBLIC_URL.in(env);
    List<String> problems = new ArrayList<>();
    if (url == null || url.isBlank()) problems.add("--url is missing (or set PUBLIC_URL): the public base URL of serve.");
    else if (!isHttpUrl(url)) problems.add("--url '" + url + "' is not an http or https URL.");
    String botToken = Variable.WEBEX_BOT_TOKEN.in(env);
    String secret = Variable.WEBEX_WEBHOOK_SECRET.in(env);
    if (botToken == null || botToken.isBlank()) problems.add("WEBEX_BOT_TOKEN is not set: set it to the bot's token.");
    if (secret == null || secret.isBlank()) {
      problems.add("WEBEX_WEBHOOK_SECRET is not set: set it to the secret the webhooks are signed with.");
    }
    String base = Optional.ofNullable(Variable.WEBEX_API_BASE.in(env)).orElse(ConfigLoader.DEFAULT_API_BASE);
    if (!isHttpUrl(base)) problems.add("WEBEX_API_BASE '" + base + "' is not an http or https URL.");
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("webhooks register: " + p));
      return 2;
    }
    WebexClient client = WebexClient.builder()
        .baseUrl(base)
        .botTokens(new StaticTokenProvider(botToken))
        .adminTokens(new StaticTokenProvider(botToken))
        .build();
    try {
      var changes = new WebhookRegistrar(client, WebhookDefinitions.load()).register(url, secret);
      out.println("Webhooks for " + WebhookRegistrar.targetUrl(url) + ":");
      changes.forEach(c -> out.println("  " + c.name() + ": " + c.what() + " (" + c.webhookId() + ")"));
      return 0;
    } catch (WebexException e) {
      err.println("webhooks register: Webex refused: " + e.getMessage());
      return 1;
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url.strip());
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }
}
