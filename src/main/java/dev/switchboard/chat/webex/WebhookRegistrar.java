package dev.switchboard.chat.webex;

import dev.switchboard.calling.NewWebhook;
import dev.switchboard.calling.Webhook;
import dev.switchboard.calling.WebhookUpdate;
import dev.switchboard.calling.WebexClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bot's own webhooks as the manifest defines them, and only those: creates what is
 * missing, updates what Webex can update (name, target URL, secret, status), and deletes and
 * re-creates one whose resource, event or filter changed. Other webhooks on the token are never
 * touched.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/webhooks">Webex Webhooks API</a>
 */
public final class WebhookRegistrar {

  private static final Logger log = LoggerFactory.getLogger(WebhookRegistrar.class);
  public static final String PATH = "/webex/webhook";

  private final WebexClient client;
  private final List<WebhookDefinitions.Definition> definitions;

  public WebhookRegistrar(WebexClient client, List<WebhookDefinitions.Definition> definitions) {
    this.client = client;
    this.definitions = List.copyOf(definitions);
  }

  /** What {@link #register} did to one webhook. */
  public record Change(String name, String what, String webhookId) {}

  /** The webhook URL for a public base URL or a full webhook URL. */
  public static String targetUrl(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
    return trimmed.endsWith(PATH) ? trimmed : trimmed + PATH;
  }

  /** Creates or updates every defined webhook; running it twice changes nothing the second time. */
  public List<Change> register(String url, String secret) {
    String target = targetUrl(url);
    List<Webhook> existing = client.webhooks();
    List<Change> changes = new ArrayList<>();
    for (WebhookDefinitions.Definition def : definitions) {
      List<Webhook> ours = existing.stream().filter(w -> def.name().equals(w.name())).toList();
      // Duplicates of our own name (from an interrupted earlier run) are ours to tidy.
      for (Webhook extra : ours.stream().skip(1).toList()) {
        client.deleteWebhook(extra.id());
        changes.add(new Change(def.name(), "deleted duplicate", extra.id()));
      }
      Webhook current = ours.isEmpty() ? null : ours.get(0);
      if (current == null) {
        Webhook created = client.createWebhook(new NewWebhook(def.name(), target, def.resource(), def.event(),
            def.filter(), secret));
        changes.add(new Change(def.name(), "created", created.id()));
      } else if (!def.resource().equals(current.resource()) || !def.event().equals(current.event())
          || !Objects.equals(blankToNull(def.filter()), blankToNull(current.filter()))) {
        // Webex cannot update resource, event or filter: replace this one webhook.
        client.deleteWebhook(current.id());
        Webhook created = client.createWebhook(new NewWebhook(def.name(), target, def.resource(), def.event(),
            def.filter(), secret));
        changes.add(new Change(def.name(), "re-created (its filter, resource or event changed)", created.id()));
      } else if (!target.equals(current.targetUrl()) || !"active".equals(current.status())
          || current.secret() == null || !secret.equals(current.secret())) {
        client.updateWebhook(current.id(), new WebhookUpdate(def.name(), target, secret, "active"));
        changes.add(new Change(def.name(), "updated", current.id()));
      } else {
        changes.add(new Change(def.name(), "unchanged", current.id()));
      }
    }
    return changes;
  }

  /** Reactivates any of our webhooks Webex disabled; creates none. Returns the names reactivated. */
  public List<String> reactivateDisabled(String secret) {
    List<String> reactivated = new ArrayList<>();
    for (Webhook webhook : client.webhooks()) {
      boolean ours = definitions.stream().anyMatch(d -> d.name().equals(webhook.name()));
      if (ours && !"active".equals(webhook.status())) {
        client.updateWebhook(webhook.id(),
            new WebhookUpdate(webhook.name(), webhook.targetUrl(), secret, "active"));
        log.warn("Webex had disabled webhook {} ({}); reactivated it", webhook.name(), webhook.id());
        reactivated.add(webhook.name());
      }
    }
    return reactivated;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
