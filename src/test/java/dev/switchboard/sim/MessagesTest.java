package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.PAT;
import static dev.switchboard.DemoPeople.UMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages: destinations, size limit, mentions rendering, threads, listing newest first with paging. */
final class MessagesTest {

  private WebexSimulator sim;
  private SimClient client;
  private DemoOrg org;

  @BeforeEach
  void start() {
    sim = WebexSimulator.start(SimulatorOptions.defaults());
    client = new SimClient(sim);
    org = sim.org();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private JsonNode post(String token, Map<String, Object> body) {
    SimClient.Reply reply = client.post(token, "/messages", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void toPersonEmail_usesTheSeededDirectRoom() {
    JsonNode message = post(org.tokenFor(ALICE), Map.of("toPersonEmail", "switchboard@webex.bot",
        "text", "transfer numbers for alice@example.com"));
    assertThat(message.get("roomId").asText()).isEqualTo(org.directRoomId(ALICE));
    assertThat(message.get("roomType").asText()).isEqualTo("direct");
    assertThat(message.get("personEmail").asText()).isEqualTo(ALICE);
    assertThat(message.get("personId").asText()).isEqualTo(org.personId(ALICE));
    assertThat(message.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(sim.messagesInRoom(org.directRoomId(ALICE))).hasSize(1);

    JsonNode fromBot = post(org.botToken(), Map.of("toPersonEmail", ALICE, "markdown", "**hi**"));
    assertThat(fromBot.get("roomId").asText()).isEqualTo(org.directRoomId(ALICE));
  }

  @Test
  void textOverTheLimit_is400_atTheLimitIsAccepted() {
    String atLimit = "é".repeat(MessageRoutes.MAX_MESSAGE_BYTES / 2) + "x"; // 7439 bytes in UTF-8
    assertThat(client.post(org.botToken(), "/messages", Map.of("roomId", org.directRoomId(BOB),
        "text", atLimit)).status()).isEqualTo(200);
    SimClient.Reply tooLong = client.post(org.botToken(), "/messages", Map.of("roomId",
        org.directRoomId(BOB), "markdown", "x".repeat(MessageRoutes.MAX_MESSAGE_BYTES + 1)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("message").asText()).contains("7439");
  }

  @Test
  void badRequests_are400or404() {
    String room = org.directRoomId(BOB);
    assertThat(client.post(org.botToken(), "/messages", Map.of("text", "nowhere")).status()).isEqualTo(400);
    assertThat(client.post(org.botToken(), "/messages", Map.of("roomId", room)).status()).isEqualTo(400);
    assertThat(client.post(org.botToken(), "/messages", "{not json").status()).isEqualTo(400);
    assertThat(client.post(org.botToken(), "/messages", Map.of("roomId", room, "text", "x", "attachments",
        List.of(Map.of("contentType", "text/plain", "content", Map.of())))).status()).isEqualTo(400);
    Map<String, Object> card = Map.of("contentType", MessageRoutes.CARD_CONTENT_TYPE, "content", Map.of());
    assertThat(client.post(org.botToken(), "/messages", Map.of("roomId", room, "text", "x",
        "attachments", List.of(card, card))).status()).isEqualTo(400);
    assertThat(client.post(org.tokenFor(PAT), "/messages",
        Map.of("roomId", org.groupRoomId(), "text", "let me in")).status()).isEqualTo(404);
    assertThat(client.post(org.botToken(), "/messages", Map.of("toPersonEmail", "nobody@example.com",
        "text", "hi")).status()).isEqualTo(404);
  }

  @Test
  void markdownMentions_renderNamesInTextAndSparkMentionsInHtml() {
    String markdown = "<@personEmail:switchboard@webex.bot|Switchboard> intercept on at HQ, cc "
        + "<@personId:" + org.personId(BOB) + "|Bob> and <@personEmail:alice@example.com>";
    JsonNode message = post(org.tokenFor(ANA),
        Map.of("roomId", org.groupRoomId(), "markdown", markdown));
    assertThat(message.get("roomType").asText()).isEqualTo("group");
    assertThat(message.get("text").asText()).isEqualTo("Switchboard intercept on at HQ, cc Bob and Alice Smith");
    assertThat(message.get("markdown").asText()).isEqualTo(markdown);
    assertThat(message.get("html").asText()).startsWith("<p><spark-mention data-object-type=\"person\" data-object-id=\""
        + org.botPersonId() + "\">Switchboard</spark-mention> intercept on at HQ")
        .contains("<spark-mention data-object-type=\"person\" data-object-id=\"" + org.personId(BOB)
            + "\">Bob</spark-mention>");
    assertThat(message.get("mentionedPeople")).extracting(JsonNode::asText).containsExactly(
        org.botPersonId(), org.personId(BOB), org.personId(ALICE));
  }

  @Test
  void replies_needARootMessageOfTheSameRoom() {
    String room = org.directRoomId(ALICE);
    JsonNode root = post(org.tokenFor(ALICE), Map.of("roomId", room, "text", "intercept status"));
    JsonNode reply = post(org.botToken(), Map.of("roomId", room, "parentId", root.get("id").asText(), "text", "ok"));
    assertThat(reply.get("parentId").asText()).isEqualTo(root.get("id").asText());

    SimClient.Reply replyToReply = client.post(org.botToken(), "/messages",
        Map.of("roomId", room, "parentId", reply.get("id").asText(), "text", "nested"));
    assertThat(replyToReply.status()).isEqualTo(400);
    assertThat(replyToReply.json().get("message").asText()).contains("root");
    assertThat(client.post(org.botToken(), "/messages", Map.of("roomId", org.directRoomId(BOB),
        "parentId", root.get("id").asText(), "text", "wrong room")).status()).isEqualTo(400);
  }

  @Test
  void list_isNewestFirstWithBeforeMessagePaging() {
    String room = org.directRoomId(BOB);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      sent.add(post(org.tokenFor(BOB), Map.of("roomId", room, "text", "m" + i)).get("id").asText());
    }
    List<String> seen = new ArrayList<>();
    String next = "/messages?roomId=" + room + "&max=3";
    while (next != null) {
      SimClient.Reply page = client.get(org.botToken(), next);
      page.json().get("items").forEach(m -> seen.add(m.get("id").asText()));
      String link = page.header("Link");
      next = link == null ? null : link.substring(1, link.indexOf('>'));
    }
    List<String> newestFirst = new ArrayList<>(sent);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(client.get(org.botToken(), "/messages").status()).isEqualTo(400);
  }

  @Test
  void botInGroupRoom_seesOnlyMessagesThatMentionIt() {
    post(org.tokenFor(ANA), Map.of("roomId", org.groupRoomId(), "text", "coffee?"));
    JsonNode mention = post(org.tokenFor(ANA), Map.of("roomId", org.groupRoomId(),
        "markdown", "<@personEmail:switchboard@webex.bot> help"));
    JsonNode listed = client.get(org.botToken(), "/messages?roomId=" + org.groupRoomId() + "&mentionedPeople=me").json();
    assertThat(listed.get("items")).extracting(m -> m.get("id").asText()).containsExactly(mention.get("id").asText());
    assertThat(client.get(org.tokenFor(UMA), "/messages?roomId=" + org.groupRoomId())
        .json().get("items")).hasSize(2);
    String coffee = sim.messagesInRoom(org.groupRoomId()).get(0).get("id").asText();
    assertThat(client.get(org.botToken(), "/messages/" + coffee).status()).isEqualTo(403);
    assertThat(client.get(org.botToken(), "/messages/" + mention.get("id").asText()).json().get("text").asText())
        .isEqualTo("Switchboard help");
  }

  @Test
  void botInGroupRoom_mayNotReadItsOwnCard_butInADirectRoomItMay() {
    JsonNode card = post(org.botToken(), Map.of("roomId", org.groupRoomId(), "text", "preview",
        "attachments", List.of(Map.of("contentType", MessageRoutes.CARD_CONTENT_TYPE, "content",
            Map.of("type", "AdaptiveCard", "version", "1.3", "body", List.of())))));
    JsonNode direct = post(org.botToken(), Map.of("roomId", org.directRoomId(ALICE), "text", "hi"));

    SimClient.Reply refused = client.get(org.botToken(), "/messages/" + card.get("id").asText());

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("mentioned");
    assertThat(client.get(org.botToken(), "/messages/" + direct.get("id").asText()).status()).isEqualTo(200);
    assertThat(client.get(org.tokenFor(ANA), "/messages/" + card.get("id").asText()).status()).isEqualTo(200);
  }

  @Test
  void getMessage_unknownOrOtherRoom_is404() {
    JsonNode message = post(org.tokenFor(ALICE), Map.of("toPersonEmail", "switchboard@webex.bot",
        "text", "hello"));
    assertThat(client.get(org.tokenFor(BOB), "/messages/" + message.get("id").asText()).status())
        .isEqualTo(404);
    assertThat(client.get(org.botToken(), "/messages/Y2lzY29zcGFyazovL3VzL01FU1NBR0Uvbm9wZQ").status())
        .isEqualTo(404);
  }
}
