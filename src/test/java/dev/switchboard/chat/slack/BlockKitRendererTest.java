package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Change;
import dev.switchboard.ops.Reply.Fact;
import dev.switchboard.ops.Reply.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class BlockKitRendererTest {

  private static final Reply CHANGE = Reply.of(Tone.SUCCESS, "Intercept is now ON at HQ.")
      .changes("HQ", List.of(new Change("Intercept", "off", "ON"), new Change("Voicemail", "no", "no")),
          "intercept status at HQ")
      .text("Incoming calls are set to *allow all*.")
      .button("Undo", Reply.Action.UNDO, "batch-1")
      .toEveryone()
      .build();

  @Test
  void blocks_change_titleSectionFieldsAndButton() {
    ArrayNode blocks = BlockKitRenderer.blocks(CHANGE);
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
    assertThat(blocks.get(0).path("text").path("text").asText())
        .isEqualTo(":white_check_mark: *Intercept is now ON at HQ.*");
    JsonNode changes = blocks.get(1);
    assertThat(changes.path("fields")).hasSize(1);
    assertThat(changes.path("fields").get(0).path("text").asText()).isEqualTo("*Intercept*\noff → *ON*");
    assertThat(blocks.get(2).path("text").path("text").asText())
        .isEqualTo("Other settings unchanged: *intercept status at HQ*");
    assertThat(blocks.get(3).path("text").path("text").asText()).isEqualTo("Incoming calls are set to _allow all_.");
    JsonNode button = blocks.get(4).path("elements").get(0);
    assertThat(blocks.get(4).path("type").asText()).isEqualTo("actions");
    assertThat(button.path("action_id").asText()).isEqualTo("switchboard_undo");
    assertThat(button.path("value").asText()).isEqualTo("batch-1");
    assertThat(button.path("text").path("text").asText()).isEqualTo("Undo");
  }

  @Test
  void blocks_confirmAndCancel_actionIdsAreOurs_andValuesOnlyThePlanTheyAnswer() {
    Reply preview = Reply.of(Tone.INFO, "Change 2 locations?").button("Confirm", Reply.Action.CONFIRM, "plan-7")
        .button("Cancel", Reply.Action.CANCEL, "plan-7").build();
    JsonNode elements = BlockKitRenderer.blocks(preview).get(1).path("elements");
    assertThat(elements.get(0).path("action_id").asText()).isEqualTo("switchboard_confirm");
    assertThat(elements.get(0).path("value").asText()).isEqualTo("plan-7");
    assertThat(elements.get(0).path("style").asText()).isEqualTo("primary");
    assertThat(elements.get(1).path("action_id").asText()).isEqualTo("switchboard_cancel");
    assertThat(BlockKitRenderer.action("switchboard_confirm")).isEqualTo(Reply.Action.CONFIRM);
    assertThat(BlockKitRenderer.action("switchboard_cancel")).isEqualTo(Reply.Action.CANCEL);
    assertThat(BlockKitRenderer.action("switchboard_undo")).isEqualTo(Reply.Action.UNDO);
    assertThat(BlockKitRenderer.action("switchboard_delete_everything")).isNull();
    assertThat(BlockKitRenderer.action("confirm")).isNull();
  }

  @Test
  void blocks_longList_fitsOneSectionAndEndsWithHowManyMore() {
    List<String> names = IntStream.rangeClosed(1, 400).mapToObj(i -> "Location number " + i + " in Plano, Texas")
        .toList();
    Reply reply = Reply.of(Tone.INFO, "Locations").items(names, 400).build();
    String list = BlockKitRenderer.blocks(reply).get(1).path("text").path("text").asText();
    assertThat(list.length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_SECTION_CHARS);
    assertThat(list).startsWith("• Location number 1 in Plano").containsPattern("\\.\\.\\. and \\d+ more$");
    int shown = (int) list.lines().filter(l -> l.startsWith("• ")).count();
    assertThat(list).endsWith("... and " + (400 - shown) + " more");
  }

  @Test
  void blocks_listAlreadyCut_keepsItsCount() {
    Reply reply = Reply.of(Tone.INFO, "Locations").items(List.of("HQ", "Austin", "Denver"), 2).build();
    assertThat(BlockKitRenderer.blocks(reply).get(1).path("text").path("text").asText())
        .isEqualTo("• HQ\n• Austin\n... and 1 more");
  }

  @Test
  void blocks_manyBlocks_atMostFiftyWithTheButtonsKept() {
    Reply.Builder builder = Reply.of(Tone.SUCCESS, "Intercept is now ON at 80 locations.");
    for (int i = 1; i <= 80; i++) builder.changes("Site " + i, List.of(new Change("Intercept", "off", "ON")));
    Reply reply = builder.button("Undo", Reply.Action.UNDO, "batch-2").build();
    ArrayNode blocks = BlockKitRenderer.blocks(reply);
    assertThat(blocks.size()).isLessThanOrEqualTo(BlockKitRenderer.MAX_BLOCKS);
    assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("actions");
    String note = blocks.get(blocks.size() - 2).path("text").path("text").asText();
    int shown = blocks.size() - 3;
    assertThat(note).isEqualTo("... and " + (80 - shown) + " more");
  }

  @Test
  void blocks_manyFacts_atMostTenFieldsASection() {
    List<Fact> facts = new ArrayList<>();
    for (int i = 1; i <= 23; i++) facts.add(new Fact("Label " + i, "value " + i));
    ArrayNode blocks = BlockKitRenderer.blocks(Reply.of(Tone.INFO, "Facts").facts(facts).build());
    assertThat(blocks.size()).isEqualTo(4);
    assertThat(blocks.get(1).path("fields").size()).isEqualTo(10);
    assertThat(blocks.get(3).path("fields").size()).isEqualTo(3);
  }

  @Test
  void blocks_hugeText_cutToOneSection() {
    Reply reply = Reply.of(Tone.ERROR, "Oops").text("x".repeat(10_000)).build();
    assertThat(BlockKitRenderer.blocks(reply).get(1).path("text").path("text").asText().length())
        .isLessThanOrEqualTo(BlockKitRenderer.MAX_SECTION_CHARS);
  }

  @Test
  void blocks_namesWithMarkup_escaped() {
    Reply reply = Reply.of(Tone.INFO, "Intercept at R&D <!channel>").build();
    assertThat(BlockKitRenderer.blocks(reply).get(0).path("text").path("text").asText())
        .isEqualTo(":information_source: *Intercept at R&amp;D &lt;!channel&gt;*");
  }

  @Test
  void text_fallback_isTheWholeReplyInMrkdwn() {
    assertThat(BlockKitRenderer.text(CHANGE)).isEqualTo("""
        :white_check_mark: *Intercept is now ON at HQ.*
        • Intercept: off → *ON*
        Other settings unchanged: *intercept status at HQ*

        Incoming calls are set to _allow all_.""");
  }

  @Test
  void message_hasTextAndBlocks() {
    JsonNode message = BlockKitRenderer.message(CHANGE);
    assertThat(message.path("text").asText()).startsWith(":white_check_mark:");
    assertThat(message.path("blocks").isArray()).isTrue();
  }
}
