package dev.switchboard.chat.slack.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code manifest/slack/app-manifest-socket-mode.yaml}: valid by Slack's schema 1.0.0, Socket Mode on and no request
 * URL anywhere (Slack would try to reach it), and otherwise the same app as the request-URL manifest.
 */
final class SocketModeManifestTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode read(String resource, ObjectMapper mapper) throws IOException {
    try (InputStream in = SocketModeManifestTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return mapper.readTree(in);
    }
  }

  @Test
  void socketModeManifest_isValid_hasSocketModeOn_andNoRequestUrl() throws IOException {
    JsonNode manifest = read("/manifest/slack/app-manifest-socket-mode.yaml", YAML);
    var schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft7())
        .getSchema(read("/specs/slack/manifest.schema.1.0.0.json", new ObjectMapper()));

    assertThat(schema.validate(manifest).stream().map(Error::toString)).isEmpty();
    assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
    assertThat(manifest.toString()).doesNotContain("\"url\"").doesNotContain("request_url");
  }

  @Test
  void socketModeManifest_asksForTheSameScopesAndEvents_asTheRequestUrlOne() throws IOException {
    JsonNode socket = read("/manifest/slack/app-manifest-socket-mode.yaml", YAML);
    JsonNode requests = read("/manifest/slack/app-manifest.yaml", YAML);

    assertThat(socket.at("/oauth_config")).isEqualTo(requests.at("/oauth_config"));
    assertThat(socket.at("/settings/event_subscriptions/bot_events"))
        .isEqualTo(requests.at("/settings/event_subscriptions/bot_events"));
    assertThat(socket.at("/features/slash_commands/0/command")).isEqualTo(requests.at("/features/slash_commands/0/command"));
    assertThat(socket.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
  }
}
