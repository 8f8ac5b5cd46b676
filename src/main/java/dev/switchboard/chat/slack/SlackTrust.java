package dev.switchboard.chat.slack;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may speak to Switchboard through Slack, beyond a good signature: requests from our own workspace (and
 * enterprise, when the app is installed on one) only, answers only to Slack's own response hosts, and commands
 * only from members of ours who are not deleted, not bots, not Slack Connect strangers, with a confirmed email.
 *
 * <pre>{@code
 * SlackTrust trust = SlackTrust.asking(slack, Optional.empty(), SlackTrust.SLACK_RESPONSE_HOSTS);
 * }</pre>
 */
public final class SlackTrust {

  private static final Logger log = LoggerFactory.getLogger(SlackTrust.class);

  /** Where Slack's {@code response_url}s point. */
  public static final List<String> SLACK_RESPONSE_HOSTS = List.of("hooks.slack.com");

  private final Supplier<Optional<SlackClient.Installation>> installation;
  private final Set<String> responseHosts;

  private SlackTrust(Supplier<Optional<SlackClient.Installation>> installation, List<String> responseHosts) {
    this.installation = installation;
    this.responseHosts = responseHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  /** Trusts the workspace {@code teamId} (and {@code enterpriseId}, when not null). */
  public static SlackTrust pinned(String teamId, String enterpriseId, List<String> responseHosts) {
    Optional<SlackClient.Installation> fixed = Optional.of(new SlackClient.Installation(
        Objects.requireNonNull(teamId, "teamId"), enterpriseId));
    return new SlackTrust(() -> fixed, responseHosts);
  }

  /**
   * Trusts {@code teamId} when given, else the workspace the bot token belongs to ({@code auth.test}), asked now
   * and, should Slack not answer, again at the next request until it does.
   */
  public static SlackTrust asking(SlackClient slack, Optional<String> teamId, List<String> responseHosts) {
    if (teamId.isPresent()) return pinned(teamId.get(), null, responseHosts);
    Supplier<Optional<SlackClient.Installation>> ask = new Supplier<>() {
      private volatile SlackClient.Installation known;

      @Override
      public Optional<SlackClient.Installation> get() {
        SlackClient.Installation here = known;
        if (here != null) return Optional.of(here);
        synchronized (this) {
          if (known != null) return Optional.of(known);
          try {
            SlackClient.Installation asked = slack.authTest();
            if (asked.teamId() == null) return Optional.empty();
            known = asked;
            log.info("Slack requests are accepted from workspace {}{}", asked.teamId(),
                asked.enterpriseId() == null ? "" : " in enterprise " + asked.enterpriseId());
            return Optional.of(asked);
          } catch (SlackException e) {
            log.warn("Could not ask Slack which workspace the bot belongs to (auth.test: {})", e.error());
            return Optional.empty();
          }
        }
      }
    };
    SlackTrust trust = new SlackTrust(ask, responseHosts);
    ask.get();
    return trust;
  }

  /** Whether a request naming this workspace (and enterprise, null when none) is from ours. */
  public boolean ourWorkspace(String teamId, String enterpriseId) {
    Optional<SlackClient.Installation> ours = installation.get();
    if (ours.isEmpty() || teamId == null || !ours.get().teamId().equals(teamId)) return false;
    String pinned = ours.get().enterpriseId();
    return pinned == null ? enterpriseId == null || enterpriseId.isEmpty() : pinned.equals(enterpriseId);
  }

  /** Whether a {@code response_url} points at one of the allowed hosts, over HTTPS unless a port is named. */
  public boolean responseUrlAllowed(String responseUrl) {
    HttpUrl url = responseUrl == null ? null : HttpUrl.parse(responseUrl);
    if (url == null) return false;
    String host = url.host().toLowerCase(Locale.ROOT);
    if (responseHosts.contains(host + ":" + url.port())) return true;
    return url.isHttps() && url.port() == 443 && responseHosts.contains(host);
  }

  /** Why this Slack user may run nothing here, or empty when they may go on to be looked up in Webex. */
  public Optional<String> refusal(SlackClient.User user) {
    if (user.deleted()) return Optional.of("Your Slack account is deactivated, so you may run nothing here.");
    if (user.bot()) return Optional.of("Bots may not run commands.");
    Optional<SlackClient.Installation> ours = installation.get();
    if (user.stranger() || (user.teamId() != null && ours.isPresent() && !ours.get().teamId().equals(user.teamId()))) {
      return Optional.of("You are not a member of this Slack workspace (a Slack Connect guest, say), so you may run "
          + "nothing here. Ask an admin of this workspace.");
    }
    if (!user.emailConfirmed()) {
      return Optional.of("Your Slack email address is not confirmed, so Switchboard cannot tell who you are in "
          + "Webex; you may run nothing here until you confirm it in Slack.");
    }
    return Optional.empty();
  }
}
