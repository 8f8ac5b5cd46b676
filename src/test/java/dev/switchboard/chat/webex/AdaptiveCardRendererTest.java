package dev.switchboard.chat.webex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AdaptiveCardRendererTest {

  @Test
  void render_preview_hasVersion13FactsAndSubmitButtonsCarryingOnlyTheActionWord() {
    Reply reply = Reply.of(Reply.Tone.WARNING, "Preview")
        .changes("HQ", List.of(new Change("Intercept", "off", "on")))
        .button("Confirm", Reply.Action.CONFIRM, "plan-1")
        .button("Cancel", Reply.Action.CANCEL, "plan-1")
        .build();
    JsonNode card = AdaptiveCardRenderer.render(reply);
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("version").asText()).isEqualTo("1.3");
    assertThat(card.get("body").get(0).get("text").asText()).contains("Preview");
    JsonNode facts = card.get("body").get(1).get("facts");
    assertThat(facts.get(0).get("title").asText()).isEqualTo("Intercept");
    assertThat(facts.get(0).get("value").asText()).isEqualTo("off → on");
    JsonNode actions = card.get("actions");
    assertThat(actions).hasSize(2);
    assertThat(actions.get(0).get("type").asText()).isEqualTo("Action.Submit");
    assertThat(actions.get(0).get("data").size()).isEqualTo(2);
    assertThat(actions.get(0).get("data").get(AdaptiveCardRenderer.ACTION_INPUT).asText()).isEqualTo("confirm");
    assertThat(actions.get(0).get("data").get(AdaptiveCardRenderer.REF_INPUT).asText()).isEqualTo("plan-1");
    assertThat(actions.get(1).get("data").get(AdaptiveCardRenderer.ACTION_INPUT).asText()).isEqualTo("cancel");
  }

  @Test
  void render_change_showsWhatChanged_andEverySettingBehindAllSettings() {
    Reply reply = Reply.of(Reply.Tone.SUCCESS, "Intercept is now ON at HQ.")
        .changes("HQ", List.of(new Change("Intercept", "off", "on"), new Change("Voicemail", "off", "off")),
            "intercept status at HQ")
        .build();
    JsonNode card = AdaptiveCardRenderer.render(reply);
    assertThat(card.get("body").get(1).get("facts")).hasSize(1);
    JsonNode more = card.get("actions").get(0);
    assertThat(more.get("type").asText()).isEqualTo("Action.ShowCard");
    assertThat(more.get("card").get("body").get(0).get("facts")).hasSize(2);
  }

  @Test
  void render_codeSpans_becomeBold_sinceCardsShowBackticksRaw() {
    JsonNode card = AdaptiveCardRenderer.render(Reply.of(Reply.Tone.INFO, "Hello").text("Try `help`.").build());
    assertThat(card.get("body").get(1).get("text").asText()).isEqualTo("Try **help**.");
  }

  @Test
  void render_noButtons_hasNoActions() {
    JsonNode card = AdaptiveCardRenderer.render(Reply.note(Reply.Tone.INFO, "Hello"));
    assertThat(card.has("actions")).isFalse();
  }
}
