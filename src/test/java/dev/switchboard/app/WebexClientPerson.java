package dev.switchboard.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.Message;
import dev.switchboard.calling.NewMessage;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.sim.WebexSimulator;

/** A demo person writing in Webex with their own token. */
final class WebexClientPerson {

  private final WebexClient client;
  private final ObjectMapper mapper;

  WebexClientPerson(WebexSimulator simulator, String email) {
    String token = simulator.org().tokenFor(email);
    this.client = WebexClient.builder().baseUrl(simulator.baseUrl())
        .botTokens(new StaticTokenProvider(token)).adminTokens(new StaticTokenProvider(token)).build();
    this.mapper = client.objectMapper();
  }

  JsonNode say(String roomId, String text) {
    Message message = client.createMessage(new NewMessage(roomId, null, null, text, null, null));
    return mapper.valueToTree(message);
  }
}
