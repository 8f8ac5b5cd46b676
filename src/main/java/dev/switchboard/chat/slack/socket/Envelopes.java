package dev.switchboard.chat.slack.socket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where Socket Mode hands each envelope's payload: the Slack inbox, or a test's recorder. Events and interactions are
 * acked before they are handed on; a slash command's ack carries what {@link #command} answers.
 */
public interface Envelopes {

  /** {@code events_api}: the payload is the Events API's {@code event_callback}. */
  void event(JsonNode payload, int retryAttempt);

  /**
   * {@code slash_commands}: the payload holds the fields the HTTP form would. It only queues the command, so its
   * answer (what the ack shows the person at once, or null for none) goes back in the ack, as over HTTP.
   */
  JsonNode command(JsonNode payload);

  /** {@code interactive}: the payload is the interaction payload ({@code block_actions}, ...). */
  void interactive(JsonNode payload);
}
