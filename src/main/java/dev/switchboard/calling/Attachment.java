package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A message attachment; Webex supports one Adaptive Card per message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attachment(String contentType, JsonNode content) {

  /** The content type of an Adaptive Card. */
  public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

  /** An Adaptive Card attachment carrying {@code card} (the card JSON itself, {@code "type": "AdaptiveCard"}). */
  public static Attachment adaptiveCard(JsonNode card) {
    return new Attachment(ADAPTIVE_CARD, Objects.requireNonNull(card, "card"));
  }
}
