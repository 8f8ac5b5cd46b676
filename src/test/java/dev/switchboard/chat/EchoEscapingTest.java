package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.slack.BlockKitRenderer;
import dev.switchboard.chat.webex.AdaptiveCardRenderer;
import dev.switchboard.chat.webex.MarkdownRenderer;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people type and what Webex names things reaches every platform inert: the same cases for each renderer. */
final class EchoEscapingTest {

  private static final String TYPED = "intercept on at HQ <@all> [prize](https://evil.example) **now** \u202Eevil";
  private static final String LOCATION = "[HQ](https://evil.example) <@personEmail:ceo@example.com>";

  /** A mention or a link whose opening bracket no backslash escapes. */
  private static final String UNESCAPED_MENTION = "(?<!\\\\)<@";
  private static final String UNESCAPED_LINK = "(?<!\\\\)\\]\\(";

  private static Reply reply() {
    return Reply.of(Tone.INFO, "History for " + Reply.literal(LOCATION))
        .text("Asked: `" + Reply.literal(TYPED) + "`.")
        .text("Plain echo: " + Reply.literal(TYPED))
        .text("Not marked, from Webex: " + LOCATION)
        .items(List.of("- " + Reply.literal(TYPED)), 5)
        .changes(LOCATION, List.of(new Reply.Change("enabled", "off", "on")))
        .build();
  }

  @Test
  void webexMarkdown_noMentionLinkBidiOrFormattingFromEchoes() {
    String markdown = MarkdownRenderer.render(reply());
    // Inside a code span nothing is a link; Webex reads mentions anywhere, so those are look-alikes there.
    assertThat(markdown.replaceAll("`[^`]*`", "")).doesNotContainPattern(UNESCAPED_LINK).doesNotContain("**now**");
    assertThat(markdown).contains("`intercept on at HQ \u2039@all\u203A [prize](https\uA789//evil\u2024example) **now** evil`");
    assertThat(markdown).doesNotContainPattern(UNESCAPED_MENTION)
        .doesNotContain("\u202E")
        .doesNotContain("\uE000").doesNotContain("\uE001");
    assertThat(markdown).contains("\\<@all\\>").contains("\\*\\*now\\*\\*");
    // The reply's own bold stays bold.
    assertThat(markdown).startsWith("ℹ️ **History for ");
  }

  @Test
  void adaptiveCard_sameRules() {
    String card = AdaptiveCardRenderer.render(reply()).path("body").toString().replace("\\\\", "\\");
    assertThat(card).doesNotContainPattern(UNESCAPED_MENTION).doesNotContainPattern(UNESCAPED_LINK).doesNotContain("\u202E").doesNotContain("**now**")
        .doesNotContain("\uE000");
  }

  @Test
  void slack_sameRules() {
    String slack = BlockKitRenderer.message(reply()).toString();
    assertThat(slack).doesNotContain("<@").doesNotContain("<https").doesNotContain("\u202E")
        .doesNotContain("*now*").doesNotContain("\uE000");
  }

  @Test
  void plainText_showsTheEchoAsTyped() {
    String plain = PlainTextRenderer.render(reply());
    assertThat(plain).contains("<@all> [prize](https://evil.example) **now** evil").doesNotContain("\u202E")
        .doesNotContain("\uE000");
  }
}
