package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.TestClock;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Requester;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

final class SlackAnnouncerTest {

  @StartStop
  final MockWebServer server = new MockWebServer();
  private final ObjectMapper mapper = new ObjectMapper();
  private final TestClock time = new TestClock();

  private SlackAnnouncer announcer() {
    return new SlackAnnouncer(new SlackClient(server.url("/api"), new OkHttpClient(), "xoxb-token", mapper,
        time, time));
  }

  @Test
  void announce_slackRequester_postsToTheChannelWhereItWasAsked() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"ok\":true,\"ts\":\"1.2\"}").build());

    announcer().announce(new Requester(Requester.Platform.SLACK, "U1", null, "ana.admin@example.com", "C42", "Ev1"),
        Reply.note(Reply.Tone.SUCCESS, "Intercept at HQ is back to how it was."));

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getTarget()).isEqualTo("/api/chat.postMessage");
    JsonNode body = mapper.readTree(request.getBody().utf8());
    assertThat(body.get("channel").asText()).isEqualTo("C42");
    assertThat(body.toString()).contains("Intercept at HQ is back to how it was.");
  }

  @Test
  void progress_postsOnce_thenUpdatesThatMessageInPlace() throws Exception {
    for (String ts : new String[] {"7.1", "7.1", "7.1"}) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"ok\":true,\"channel\":\"C42\",\"ts\":\"" + ts + "\"}").build());
    }
    var progress = announcer().progress(new Requester(Requester.Platform.SLACK, "U1", null, "a@example.com", "C42",
        "Ev9"));

    progress.show(Reply.note(Reply.Tone.INFO, "Changing intercept at 200 locations…"));
    progress.show(Reply.note(Reply.Tone.INFO, "Changing intercept at 200 locations: 90 of 200 done…"));
    progress.show(Reply.note(Reply.Tone.SUCCESS, "Intercept changed at 200 of 200 locations."));

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/chat.postMessage");
    RecordedRequest step = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(step.getTarget()).isEqualTo("/api/chat.update");
    assertThat(mapper.readTree(step.getBody().utf8()).get("ts").asText()).isEqualTo("7.1");
    RecordedRequest last = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(last.getTarget()).isEqualTo("/api/chat.update");
    JsonNode body = mapper.readTree(last.getBody().utf8());
    assertThat(body.get("channel").asText()).isEqualTo("C42");
    assertThat(body.get("text").asText()).contains("Intercept changed at 200 of 200 locations.");
  }

  @Test
  void announce_webexRequester_isNotSlacksToPost() throws Exception {
    announcer().announce(new Requester(Requester.Platform.WEBEX, "P1", "P1", "ana.admin@example.com", "R1", "M1"),
        Reply.note(Reply.Tone.SUCCESS, "done"));

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void announce_slackFailing_isLoggedNotThrown() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"ok\":false,\"error\":\"invalid_blocks\"}").build());

    announcer().announce(new Requester(Requester.Platform.SLACK, "U1", null, "a@example.com", "C404", "Ev2"),
        Reply.note(Reply.Tone.SUCCESS, "done"));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void announce_botNotInTheChannel_tellsThePersonDirectly() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"ok\":false,\"error\":\"not_in_channel\"}").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"ok\":true,\"ts\":\"1.3\"}").build());

    announcer().announce(new Requester(Requester.Platform.SLACK, "U7", null, "a@example.com", "C9", "Ev3"),
        Reply.note(Reply.Tone.INFO, "Reminder"));

    server.takeRequest(5, TimeUnit.SECONDS);
    JsonNode second = mapper.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
    assertThat(second.get("channel").asText()).isEqualTo("U7");
  }
}
