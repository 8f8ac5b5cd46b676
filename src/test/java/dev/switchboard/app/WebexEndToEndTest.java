package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.chat.webex.AdaptiveCardRenderer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People post in Webex (the simulator); it fires signed webhooks at the running bot, which replies in the thread. */
final class WebexEndToEndTest {

  private static final String ANA = "ana.admin@example.com";
  private static final String UMA = "uma.useradmin@example.com";

  @TempDir Path dataDir;
  private RunningBot bot;

  @BeforeEach
  void start() {
    bot = new RunningBot(dataDir, true);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void directMessage_changesWebex_andRepliesInTheThread() {
    String room = bot.org.directRoomId(ANA);
    JsonNode sent = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at HQ"));

    JsonNode reply = bot.awaitReply(room, sent.get("id").asText(), 1);

    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
    assertThat(reply.get("markdown").asText()).contains("Intercept is now ON at HQ").contains("off → **on**");
    assertThat(reply.get("text").asText()).contains("Intercept is now ON at HQ");
    assertThat(reply.get("attachments").get(0).get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
  }

  @Test
  void groupSpace_mentionIsStripped_andTheReplyIsThreaded() {
    String room = bot.org.groupRoomId();
    JsonNode sent = bot.post(ANA, Map.of("roomId", room,
        "markdown", "<@personEmail:" + bot.org.botEmail() + "|Switchboard> intercept status at Sydney"));

    JsonNode reply = bot.awaitReply(room, sent.get("id").asText(), 1);

    assertThat(reply.get("markdown").asText()).contains("Intercept is ON at Sydney");
  }

  @Test
  void replyInsideAThread_isAnsweredInThatThread() {
    String room = bot.org.directRoomId(ANA);
    JsonNode root = bot.post(ANA, Map.of("roomId", room, "text", "whoami"));
    bot.awaitReply(room, root.get("id").asText(), 1);

    bot.post(ANA, Map.of("roomId", room, "text", "locations aus", "parentId", root.get("id").asText()));

    JsonNode second = bot.awaitReply(room, root.get("id").asText(), 2);
    assertThat(second.get("markdown").asText()).contains("Austin");
  }

  @Test
  void cardButton_confirmByTheRequester_appliesTheChange() {
    String room = bot.org.groupRoomId();
    JsonNode sent = bot.post(ANA, Map.of("roomId", room,
        "markdown", "<@personEmail:" + bot.org.botEmail() + "|Switchboard> intercept on at Austin, Denver"));
    JsonNode preview = bot.awaitReply(room, sent.get("id").asText(), 1);
    assertThat(preview.get("markdown").asText()).contains("Preview");

    bot.call(UMA, "POST", "/attachment/actions", Map.of("type", "submit", "messageId", preview.get("id").asText(),
        "inputs", Map.of(AdaptiveCardRenderer.ACTION_INPUT, "confirm")));
    JsonNode refused = bot.awaitReply(room, sent.get("id").asText(), 2);
    assertThat(refused.get("markdown").asText()).contains("Only Ana Admin can confirm");
    assertThat(bot.simulator.locationIntercept("Austin").get("enabled").asBoolean()).isFalse();

    bot.call(ANA, "POST", "/attachment/actions", Map.of("type", "submit", "messageId", preview.get("id").asText(),
        "inputs", Map.of(AdaptiveCardRenderer.ACTION_INPUT, "confirm")));
    JsonNode done = bot.awaitReply(room, sent.get("id").asText(), 3);
    assertThat(done.get("markdown").asText()).contains("Intercept changed at 2 of 2 locations");
    assertThat(bot.simulator.locationIntercept("Austin").get("enabled").asBoolean()).isTrue();
    assertThat(bot.simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void cardButton_cannotCarryItsOwnTarget() {
    String room = bot.org.directRoomId(ANA);
    JsonNode sent = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at HQ"));
    JsonNode reply = bot.awaitReply(room, sent.get("id").asText(), 1);

    // A forged submit naming another target still only runs `undo` of Ana's own last change.
    bot.call(ANA, "POST", "/attachment/actions", Map.of("type", "submit", "messageId", reply.get("id").asText(),
        "inputs", Map.of(AdaptiveCardRenderer.ACTION_INPUT, "undo", "location", "London", "enabled", "true")));

    bot.awaitReply(room, sent.get("id").asText(), 2);
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
    assertThat(bot.simulator.locationIntercept("London").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void botsOwnReplies_doNotTriggerCommands() {
    String room = bot.org.directRoomId(ANA);
    JsonNode sent = bot.post(ANA, Map.of("roomId", room, "text", "help"));
    bot.awaitReply(room, sent.get("id").asText(), 1);
    assertThat(bot.simulator.awaitDeliveries(java.time.Duration.ofSeconds(5))).isTrue();

    long fetches = bot.simulator.calls().stream()
        .filter(c -> c.method().equals("GET") && c.path().startsWith("/messages/")).count();
    assertThat(fetches).as("only Ana's message is fetched, never the bot's reply").isEqualTo(1);
  }
}
