package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code manifest/slack/app-manifest.yaml} against Slack's app manifest schema 1.0.0 (test resource
 * {@code /specs/slack/}, MIT, Slack Technologies), and against what the code serves.
 */
final class SlackManifestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode read(String resource, ObjectMapper mapper) throws IOException {
    try (InputStream in = SlackManifestTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return mapper.readTree(in);
    }
  }

  private static JsonNode manifest() throws IOException {
    return read("/manifest/slack/app-manifest.yaml", new ObjectMapper(new YAMLFactory()));
  }

  private static List<String> validate(JsonNode manifest) throws IOException {
    // The 1.0.0 file is self-contained: its $refs point inside it.
    Schema schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft7())
        .getSchema(read("/specs/slack/manifest.schema.1.0.0.json", JSON));
    return schema.validate(manifest).stream().map(Error::toString).toList();
  }

  @Test
  void manifest_validatesAgainstSlacksSchema() throws IOException {
    assertThat(validate(manifest())).isEmpty();
  }

  @Test
  void validation_catchesAMistake() throws IOException {
    ObjectNode broken = (ObjectNode) manifest();
    ((ObjectNode) broken.path("features").path("slash_commands").get(0)).put("command", "switchboard");
    ((ObjectNode) broken.path("settings")).put("socket_mode", true);
    assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void manifest_requestUrlsAreTheRoutesServed() throws IOException {
    JsonNode manifest = manifest();
    String base = "https://switchboard.example.com";
    assertThat(manifest.path("features").path("slash_commands").get(0).path("url").asText())
        .isEqualTo(base + SlackFrontEnd.COMMANDS);
    assertThat(manifest.path("settings").path("event_subscriptions").path("request_url").asText())
        .isEqualTo(base + SlackFrontEnd.EVENTS);
    assertThat(manifest.path("settings").path("interactivity").path("request_url").asText())
        .isEqualTo(base + SlackFrontEnd.INTERACTIVITY);
    assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
  }

  @Test
  void manifest_commandEventsAndMinimalScopes() throws IOException {
    JsonNode manifest = manifest();
    JsonNode command = manifest.path("features").path("slash_commands").get(0);
    assertThat(command.path("command").asText()).isEqualTo("/switchboard");
    assertThat(command.path("usage_hint").asText()).contains("intercept on at HQ");
    assertThat(manifest.path("display_information").path("name").asText()).isEqualTo("Switchboard");
    assertThat(manifest.path("features").path("bot_user").path("display_name").asText()).isEqualTo("Switchboard");
    assertThat(strings(manifest.path("settings").path("event_subscriptions").path("bot_events")))
        .containsExactlyInAnyOrder("app_mention", "message.im");
    assertThat(strings(manifest.path("oauth_config").path("scopes").path("bot"))).containsExactlyInAnyOrder(
        "commands", "chat:write", "app_mentions:read", "im:history", "users:read", "users:read.email");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
