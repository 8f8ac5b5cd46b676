package dev.switchboard.app;

import dev.switchboard.calling.Identity;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether Webex answers with both tokens, checked periodically and cached: {@code /readyz} shows
 * the last result and never calls Webex per probe.
 */
final class WebexHealth {

  /** The last check: "ok" or what failed, per token, and when. */
  record Status(String bot, String admin, Instant checkedAt) {
    Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("bot", bot);
      map.put("admin", admin);
      map.put("checkedAt", checkedAt == null ? null : checkedAt.toString());
      return map;
    }
  }

  private final WebexClient client;
  private final Clock clock;
  private final boolean probeBot;
  private volatile Status last = new Status("not checked yet", "not checked yet", null);

  /** {@code probeBot}: whether there is a bot token to check (the Webex front end is on). */
  WebexHealth(WebexClient client, Clock clock, boolean probeBot) {
    this.client = client;
    this.clock = clock;
    this.probeBot = probeBot;
  }

  void check() {
    last = new Status(probeBot ? probe(Identity.BOT) : "off", probe(Identity.ADMIN), clock.instant());
  }

  Status last() {
    return last;
  }

  private String probe(Identity identity) {
    try {
      client.me(identity);
      return "ok";
    } catch (WebexException e) {
      return e.status() == 0 ? "unreachable" : "HTTP " + e.status();
    } catch (RuntimeException e) {
      return "error: " + e.getClass().getSimpleName();
    }
  }
}
