package dev.switchboard.chat.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class WebhookEnvelopeTest {

  /** The oracle: data binding, unknown fields ignored, as the envelope was read before. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The example delivery of the Webex webhooks guide, with a field it may grow. */
  private static final String GUIDE = """
      {"id":"Y2lzY29zcGFyazovL3VzL1dFQkhPT0svZjRlNjA1NjAtNjYwMi00ZmIwLWEyNWEtOTQ5ODgxNjA5NDk3",
       "name":"New message in 'Project Unicorn' room","targetUrl":"https://example.com/webex/webhook",
       "resource":"messages","event":"created","filter":"roomId=Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQ",
       "orgId":"OTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh","createdBy":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x",
       "appId":"Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL0MyNzljYjMw","ownedBy":"creator","status":"active",
       "actorId":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY",
       "extra":{"nested":[1,{"deep":true}],"more":null},
       "data":{"id":"Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk",
         "roomId":"Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0",
         "roomType":"group","personId":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNzE","personEmail":"matt@example.com",
         "mentionedPeople":["Y2lzY29zcGFyazovL3VzL1BFT1BMRS8yNDlmNzRkOS1kYjhhLTQzY2EtODk2Yi04NzllZDI0MGFjNTM"],
         "created":"2015-10-18T14:26:16.000Z"}}
      """;

  @Test
  void read_theGuidesDelivery_takesWhatTheBotActsOnAndSkipsTheRest() throws IOException {
    WebhookEnvelope envelope = WebhookEnvelope.read(JSON.getFactory(), bytes(GUIDE));

    assertThat(envelope.is("messages", "created")).isTrue();
    assertThat(envelope.data().id()).startsWith("Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJk");
    assertThat(envelope.data().roomId()).startsWith("Y2lzY29zcGFyazovL3VzL1JPT00vYmJj");
    assertThat(envelope.data().personId()).isEqualTo("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNzE");
    assertThat(envelope.data().personEmail()).isEqualTo("matt@example.com");
    assertThat(envelope.data().created()).isEqualTo("2015-10-18T14:26:16.000Z");
    assertThat(envelope).isEqualTo(JSON.readValue(GUIDE, WebhookEnvelope.class));
  }

  @Test
  void read_noData_orDataNull_hasNone() throws IOException {
    assertThat(WebhookEnvelope.read(JSON.getFactory(), bytes("{\"resource\":\"messages\"}")).data()).isNull();
    assertThat(WebhookEnvelope.read(JSON.getFactory(), bytes("{\"data\":null,\"event\":\"created\"}")))
        .isEqualTo(new WebhookEnvelope(null, "created", null));
  }

  @Test
  void read_scalarsWhereTextBelongs_areTakenAsText() throws IOException {
    WebhookEnvelope envelope = WebhookEnvelope.read(JSON.getFactory(),
        bytes("{\"event\":42,\"data\":{\"id\":true}}"));
    assertThat(envelope.event()).isEqualTo("42");
    assertThat(envelope.data().id()).isEqualTo("true");
  }

  @Test
  void read_whatIsNotAnEnvelope_fails() {
    for (String body : List.of("", "null", "[]", "\"messages\"", "{\"resource\":{\"x\":1}}", "{\"data\":[]}",
        "{\"data\":{\"personId\":[\"a\"]}}", "{\"resource\":\"messages\"", "{\"data\":{\"id\":\"a\"}")) {
      assertThatThrownBy(() -> WebhookEnvelope.read(JSON.getFactory(), bytes(body))).as(body)
          .isInstanceOf(IOException.class);
    }
  }

  /** Any envelope of text fields, ones the bot does not read among them, reads as data binding reads it. */
  @Property(tries = 300)
  void read_anyEnvelope_asDataBindingReadsIt(@ForAll("envelopes") String body) throws IOException {
    assertThat(WebhookEnvelope.read(JSON.getFactory(), bytes(body))).isEqualTo(JSON.readValue(body,
        WebhookEnvelope.class));
  }

  @Provide
  Arbitrary<String> envelopes() {
    List<String> top = List.of("id", "name", "targetUrl", "resource", "event", "orgId", "createdBy", "appId",
        "ownedBy", "status", "actorId", "filter", "secret", "created");
    List<String> inner = List.of("id", "roomId", "roomType", "personId", "personEmail", "messageId", "created",
        "mentionedPeople", "files");
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12).injectNull(0.1);
    Arbitrary<List<String>> topFields = Arbitraries.of(top).list().ofMaxSize(8);
    Arbitrary<List<String>> innerFields = Arbitraries.of(inner).list().ofMaxSize(6);
    return Combinators.combine(topFields, innerFields, text.list().ofSize(16), Arbitraries.of(0, 1, 2))
        .as((fields, dataFields, values, dataKind) -> {
          ObjectNode envelope = JSON.createObjectNode();
          int v = 0;
          for (String field : fields) envelope.put(field, values.get(v++ % values.size()));
          if (dataKind == 1) envelope.putNull("data");
          if (dataKind == 2) {
            ObjectNode data = envelope.putObject("data");
            for (String field : dataFields) data.put(field, values.get(v++ % values.size()));
          }
          try {
            return JSON.writeValueAsString(envelope);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
