package dev.switchboard.chat.slack.socket;

import com.fasterxml.jackson.databind.JsonNode;

/** Where Socket Mode hands each envelope's payload once it is acked: the Slack inbox, or a test's recorder. */
public interface Envelopes {

  /** {@code events_api}: the payload is the Events API's {@code event_callback}. */
  void event(JsonNode payload, int retryAttempt);

  /** {@code slash_commands}: the payload holds the fields the HTTP form would. */
  void command(JsonNode payload);

  /** {@code interactive}: the payload is the interaction payload ({@code block_actions}, ...). */
  void interactive(JsonNode payload);
}
