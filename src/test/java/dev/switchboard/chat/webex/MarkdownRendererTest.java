package dev.switchboard.chat.webex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Change;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class MarkdownRendererTest {

  @Test
  void render_changes_showBeforeArrowAfterForChangedRowsOnly() {
    Reply reply = Reply.of(Reply.Tone.SUCCESS, "Intercept is now ON at HQ.")
        .changes("HQ", List.of(new Change("Intercept", "off", "on"), new Change("Voicemail", "off", "off")),
            "intercept status at HQ")
        .build();
    String md = MarkdownRenderer.render(reply);
    assertThat(md).startsWith("✅ **Intercept is now ON at HQ.**");
    assertThat(md).contains("- Intercept: off → **on**").contains("Other settings unchanged: **intercept status at HQ**");
    assertThat(md).doesNotContain("Voicemail");
  }

  @Test
  void render_longList_isCutWithAndNMoreUnderTheByteLimit() {
    List<String> items = IntStream.rangeClosed(1, 400).mapToObj(i -> "Site " + i + ": **ON** (voicemail on)").toList();
    Reply reply = Reply.of(Reply.Tone.INFO, "Intercept status").items(items, 400).build();
    String md = MarkdownRenderer.render(reply);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownRenderer.MAX_BYTES);
    assertThat(md).contains("- Site 1: **ON**").containsPattern("- \\.\\.\\. and \\d+ more");
    int shown = (int) md.lines().filter(l -> l.startsWith("- Site ")).count();
    assertThat(md).contains("... and " + (400 - shown) + " more");
  }

  @Test
  void render_hugeTextWithoutLists_isCutToTheLimit() {
    Reply reply = Reply.of(Reply.Tone.INFO, "Long").text("é".repeat(10_000)).build();
    String md = MarkdownRenderer.render(reply);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownRenderer.MAX_BYTES);
    assertThat(md).endsWith("…");
  }

  @Test
  void render_itemsWithMore_saysHowManyWereLeftOut() {
    Reply reply = Reply.of(Reply.Tone.INFO, "Locations").items(List.of("A", "B", "C"), 2).build();
    assertThat(MarkdownRenderer.render(reply)).contains("- A\n- B\n- ... and 1 more");
  }
}
