package dev.switchboard.app;

import dev.switchboard.calling.Identity;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.chat.webex.WebexBot;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the Webex bot is: asked at start, and asked again by {@link Housekeeping} while Webex has not answered;
 * until then its own messages are recognised by their address.
 */
final class BotIdentity implements Supplier<WebexBot> {

  private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

  private final WebexClient client;
  private final AtomicReference<WebexBot> bot;

  private BotIdentity(WebexClient client, WebexBot bot) {
    this.client = client;
    this.bot = new AtomicReference<>(bot);
  }

  /** Asks Webex now; when it does not answer, the bot runs as {@code fallbackName} until it does. */
  static BotIdentity ask(WebexClient client, String fallbackName) {
    return new BotIdentity(client, whoTheBotIs(client).orElseGet(() -> WebexBot.unknown(fallbackName)));
  }

  @Override
  public WebexBot get() {
    return bot.get();
  }

  /** Whether Webex has said who the bot is. */
  boolean known() {
    return bot.get().personId() != null;
  }

  /** Asks Webex again, unless it has answered already. */
  void askAgain() {
    if (!known()) whoTheBotIs(client).ifPresent(bot::set);
  }

  /**
   * The bot's own identity from Webex. A refused token is a configuration error that stops the
   * start; Webex being unreachable or failing is not (empty, and the caller tries again later).
   */
  private static Optional<WebexBot> whoTheBotIs(WebexClient client) {
    try {
      Person me = client.me(Identity.BOT);
      return Optional.of(new WebexBot(me.id(), me.email(), me.displayName()));
    } catch (WebexException e) {
      if (e.status() == 401 || e.status() == 403) {
        throw new IllegalStateException("Webex refused WEBEX_BOT_TOKEN (" + e.status() + "): set it to the bot's "
            + "access token from developer.webex.com", e);
      }
      log.warn("Webex did not tell who the bot is ({}); starting anyway and asking again shortly", e.getMessage());
      return Optional.empty();
    }
  }
}
