package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.DemoPeople.UMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.chat.webex.AdaptiveCardRenderer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People post in Webex (the simulator); it fires signed webhooks at the running bot, which replies in the thread.
 * Run as is (the files) and by {@link WebexEndToEndWithDatabaseTest} (the state in PostgreSQL).
 */
class WebexEndToEndTest {


  @TempDir Path dataDir;
  private RunningBot bot;

  @BeforeEach
  void start() {
    bot = newBot(dataDir);
  }

  /** The bot these tests talk to. */
  RunningBot newBot(Path dataDir) {
    return new RunningBot(dataDir, true);
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
  void onCallKeepsATimedIntercept_theTimerLeavesIt_andBothThreadsSayWhy() {
    String anaRoom = bot.org.directRoomId(ANA);
    JsonNode timed = bot.post(ANA, Map.of("roomId", anaRoom, "text", "intercept on at Denver for 1m"));
    assertThat(bot.awaitReply(anaRoom, timed.get("id").asText(), 1).get("markdown").asText())
        .contains("Intercept is now ON at Denver").contains("schedule #1");

    String omarRoom = bot.org.directRoomId(OMAR);
    JsonNode keep = bot.post(OMAR, Map.of("roomId", omarRoom, "text", "intercept on at Denver"));
    JsonNode omarReply = bot.awaitReply(omarRoom, keep.get("id").asText(), 1);
    JsonNode told = bot.awaitReply(anaRoom, timed.get("id").asText(), 2);
    bot.service.operations().scheduler().runDue(Instant.now().plusSeconds(61));

    assertThat(omarReply.get("markdown").asText()).contains("already looks like that")
        .contains("Schedule #1 (Ana Admin) will not switch Denver back any more");
    assertThat(told.get("markdown").asText()).contains(OMAR + " changed Denver")
        .contains("schedule #1 will not switch it back");
    assertThat(bot.simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();
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
  void cardButton_inAGroupSpace_works_withoutReadingTheCard_whichWebexWouldRefuse() {
    String room = bot.org.groupRoomId();
    JsonNode sent = bot.post(ANA, Map.of("roomId", room,
        "markdown", "<@personEmail:" + bot.org.botEmail() + "|Switchboard> intercept on at HQ-East, HQ-West"));
    JsonNode preview = bot.awaitReply(room, sent.get("id").asText(), 1);
    String cardId = preview.get("id").asText();

    press(ANA, preview, "Confirm");

    JsonNode done = bot.awaitReply(room, sent.get("id").asText(), 2);
    assertThat(done.get("markdown").asText()).contains("Intercept changed at 2 of 2 locations");
    assertThat(bot.simulator.locationIntercept("HQ-East").get("enabled").asBoolean()).isTrue();
    // The simulator refuses a bot's read of its own card in a group space, and the bot never needed it.
    var refused = org.assertj.core.api.Assertions.catchThrowableOfType(dev.switchboard.calling.WebexException.class,
        () -> bot.botClient.message(cardId));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(bot.simulator.calls()).filteredOn(c -> c.path().equals("/messages/" + cardId)).hasSize(1);
  }

  @Test
  void cardButton_onACardTheBotDoesNotRemember_isAnsweredInWords_andRunsNothing() {
    String room = bot.org.directRoomId(ANA);
    JsonNode sent = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at HQ"));
    bot.awaitReply(room, sent.get("id").asText(), 1);
    // A card of the bot's that Switchboard's conversation did not post (as if from before its memory began).
    var stray = bot.botClient.createMessage(new dev.switchboard.calling.NewMessage(room, null, null, "old card", null,
        java.util.List.of(dev.switchboard.calling.Attachment.adaptiveCard(new com.fasterxml.jackson.databind
            .ObjectMapper().createObjectNode().put("type", "AdaptiveCard").put("version", "1.3")))));

    bot.call(ANA, "POST", "/attachment/actions", Map.of("type", "submit", "messageId", stray.id(),
        "inputs", Map.of(AdaptiveCardRenderer.ACTION_INPUT, "undo")));

    JsonNode note = dev.switchboard.Await.poll(() -> bot.simulator.messagesInRoom(room).stream()
        .filter(m -> m.path("text").asText().contains("no longer remember that card")).findFirst()).orElseThrow();
    assertThat(note.has("parentId")).isFalse();
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
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

  /** Presses button {@code label} on a card the bot posted, as {@code email}, with the card's own data. */
  private void press(String email, JsonNode card, String label) {
    for (JsonNode action : card.at("/attachments/0/content/actions")) {
      if (action.get("title").asText().equals(label)) {
        bot.call(email, "POST", "/attachment/actions", Map.of("type", "submit", "messageId", card.get("id").asText(),
            "inputs", new com.fasterxml.jackson.databind.ObjectMapper().convertValue(action.get("data"), Map.class)));
        return;
      }
    }
    throw new AssertionError("no button " + label + " on " + card);
  }

  @Test
  void undoButton_pressedBySomeoneElse_isRefused_andChangesNothing() {
    String room = bot.org.groupRoomId();
    JsonNode sent = bot.post(ANA, Map.of("roomId", room,
        "markdown", "<@personEmail:" + bot.org.botEmail() + "|Switchboard> intercept on at HQ"));
    JsonNode card = bot.awaitReply(room, sent.get("id").asText(), 1);

    press(UMA, card, "Undo");

    JsonNode refused = bot.awaitReply(room, sent.get("id").asText(), 2);
    assertThat(refused.get("markdown").asText()).contains("only they can undo it");
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void undoButton_onAnOlderCard_doesNotUndoANewerChange() {
    String room = bot.org.directRoomId(ANA);
    JsonNode first = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at HQ"));
    JsonNode firstCard = bot.awaitReply(room, first.get("id").asText(), 1);
    JsonNode second = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at London"));
    bot.awaitReply(room, second.get("id").asText(), 1);

    press(ANA, firstCard, "Undo");

    JsonNode answer = bot.awaitReply(room, first.get("id").asText(), 2);
    assertThat(answer.get("markdown").asText()).contains("no longer applies");
    assertThat(bot.simulator.locationIntercept("London").get("enabled").asBoolean()).isTrue();
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void confirmButton_onAnOlderPreview_leavesTheNewerOneWaiting() {
    String room = bot.org.directRoomId(ANA);
    JsonNode first = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at Austin, Denver"));
    JsonNode oldPreview = bot.awaitReply(room, first.get("id").asText(), 1);
    JsonNode second = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at London, Sydney, HQ"));
    bot.awaitReply(room, second.get("id").asText(), 1);

    press(ANA, oldPreview, "Confirm");

    JsonNode answer = bot.awaitReply(room, first.get("id").asText(), 2);
    assertThat(answer.get("markdown").asText()).contains("out of date").contains("London, Sydney, HQ");
    assertThat(bot.simulator.locationIntercept("Austin").get("enabled").asBoolean()).isFalse();
    assertThat(bot.simulator.locationIntercept("London").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void bidiAndMarkupInACommand_removedAtIntake_andHistoryEchoesItInert() {
    String room = bot.org.directRoomId(ANA);
    JsonNode sent = bot.post(ANA, Map.of("roomId", room, "text", "intercept on at \u202EHQ**\u200B"));
    assertThat(bot.awaitReply(room, sent.get("id").asText(), 1).get("markdown").asText())
        .contains("Intercept is now ON at HQ");
    JsonNode asked = bot.post(ANA, Map.of("roomId", room, "text", "history"));

    JsonNode history = bot.awaitReply(room, asked.get("id").asText(), 1);

    String markdown = history.get("markdown").asText();
    assertThat(markdown).contains("`intercept on at HQ**`").doesNotContain("\u202E").doesNotContain("\u200B");
    assertThat(history.toString()).doesNotContain("\\u202e").doesNotContain("\\ue000");
  }
}
