package dev.switchboard.chat.webex;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.calling.Message;
import dev.switchboard.calling.NewMessage;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Progress;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Requester;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A progress message in Webex: posted once, then edited in place with {@code PUT /messages/{id}}, as Webex allows. */
final class WebexProgressTest {

  private WebexSimulator sim;
  private WebexClient client;
  private String room;

  @BeforeEach
  void start() {
    sim = WebexSimulator.start(SimulatorOptions.defaults());
    client = WebexClient.builder().baseUrl(sim.baseUrl())
        .adminTokens(new StaticTokenProvider(sim.org().adminToken()))
        .botTokens(new StaticTokenProvider(sim.org().botToken())).build();
    room = sim.org().directRoomId(ANA);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void progress_postsOneMessage_thenEditsItInPlace() {
    Requester ana = new Requester(Requester.Platform.WEBEX, "P1", "P1", ANA, room, null);
    Progress progress = new WebexAnnouncer(client, CardMemory.inMemory()).progress(ana);

    progress.show(Reply.note(Reply.Tone.INFO, "Changing intercept at 200 locations…"));
    progress.show(Reply.note(Reply.Tone.INFO, "Changing intercept at 200 locations: 90 of 200 done…"));
    progress.show(Reply.note(Reply.Tone.SUCCESS, "Intercept changed at 200 of 200 locations."));

    List<JsonNode> messages = sim.messagesInRoom(room);
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("markdown").asText()).contains("Intercept changed at 200 of 200 locations.");
    assertThat(messages.get(0).has("updated")).isTrue();
  }

  @Test
  void progress_readsTheAskingMessageForItsThread_onlyAtTheFirstShow() {
    Message asked = client.createMessage(new NewMessage(room, null, null, "intercept on everywhere", null, List.of()));
    Requester ana = new Requester(Requester.Platform.WEBEX, "P1", "P1", ANA, room, asked.id());
    int before = sim.calls().size();

    Progress progress = new WebexAnnouncer(client, CardMemory.inMemory()).progress(ana);
    assertThat(sim.calls().subList(before, sim.calls().size())).isEmpty(); // a short run shows nothing, reads nothing

    progress.show(Reply.note(Reply.Tone.INFO, "Changing intercept at 200 locations…"));
    progress.show(Reply.note(Reply.Tone.SUCCESS, "Intercept changed at 200 of 200 locations."));
    assertThat(sim.calls().subList(before, sim.calls().size()))
        .filteredOn(c -> c.method().equals("GET") && c.path().startsWith("/messages/")).hasSize(1);
    JsonNode shown = sim.messagesInRoom(room).stream().filter(m -> !m.get("id").asText().equals(asked.id()))
        .findFirst().orElseThrow();
    assertThat(shown.get("parentId").asText()).isEqualTo(asked.id());
  }

  @Test
  void edit_theEleventh_isRefusedAsWebexDoes() {
    Message posted = client.createMessage(new NewMessage(room, null, null, "start", null, List.of()));
    for (int i = 1; i <= 10; i++) client.editMessage(posted.id(), room, "step " + i, null);

    assertThatThrownBy(() -> client.editMessage(posted.id(), room, "step 11", null))
        .isInstanceOfSatisfying(WebexException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(sim.messagesInRoom(room).get(0).get("text").asText()).isEqualTo("step 10");
  }

  @Test
  void edit_ofAMessageWithACard_isRefused() {
    Message posted = client.createMessage(new NewMessage(room, null, null, "card", null, List.of(
        dev.switchboard.calling.Attachment.adaptiveCard(AdaptiveCardRenderer.render(Reply.note(Reply.Tone.INFO,
            "x"))))));

    assertThatThrownBy(() -> client.editMessage(posted.id(), room, "edited", null))
        .isInstanceOfSatisfying(WebexException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
