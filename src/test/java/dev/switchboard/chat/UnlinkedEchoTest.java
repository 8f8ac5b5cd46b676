package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.chat.slack.BlockKitRenderer;
import dev.switchboard.chat.webex.AdaptiveCardRenderer;
import dev.switchboard.chat.webex.MarkdownRenderer;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Bare URLs, {@code www.} names and domains that someone typed or Webex names carry are never a link in what the
 * bot posts, on any platform: Webex and Slack clients link those by themselves, whatever the markup says.
 */
final class UnlinkedEchoTest {

  /**
   * What the linkers of chat clients start a link from: a scheme ({@code https:}, {@code mailto:}), a dot between
   * two letters or digits (a host name, {@code www.}, an email's domain).
   */
  private static final Pattern LINKABLE = Pattern.compile(
      "(?i)[a-z][a-z0-9+.-]*:(?=//)|\\b(mailto|javascript|vbscript|data|file|tel|sips?|callto):(?=[\\p{L}\\p{N}+%/])"
          + "|[\\p{L}\\p{N}]\\.[\\p{L}\\p{N}]");
  /** A scheme with its slashes, or a {@code www.}, wherever it stands: what the reply's own words may not hold. */
  private static final Pattern URL_START = Pattern.compile("(?i)[a-z]:(?=//)|\\bwww\\.");

  private static final List<String> HOSTILE = List.of("https://evil.example/login", "www.evil.example", "www.://",
      "x.-://evil", "evil.example", "HTTP://EVIL.EXAMPLE", "mailto:ceo@evil.example", "javascript:alert(1)", "ftp://x.y",
      "<https://evil.example|HQ>", "[HQ](https://evil.example)", "a@b.co");

  private static Reply reply(String echo) {
    return Reply.of(Tone.INFO, "History for " + Reply.literal(echo))
        .text("Asked: `" + Reply.literal(echo) + "`.")
        .text("Plain echo: " + Reply.literal(echo))
        .facts(List.of(new Reply.Fact("Location", Reply.literal(echo))))
        .items(List.of("- " + Reply.literal(echo)), 3)
        .changes(echo, List.of(new Reply.Change("enabled", "off", "on")))
        .build();
  }

  /** Every string a platform would show for this reply, without the renderers' own structure. */
  private static List<String> shown(Reply reply) {
    List<String> texts = new ArrayList<>();
    texts.add(MarkdownRenderer.render(reply));
    collect(AdaptiveCardRenderer.render(reply).path("body"), texts);
    collect(BlockKitRenderer.message(reply), texts);
    return texts;
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isTextual()) texts.add(node.asText());
    if (node.isArray()) node.forEach(child -> collect(child, texts));
    if (node.isObject()) node.properties().forEach(e -> {
      if (!e.getKey().equals("type")) collect(e.getValue(), texts);
    });
  }

  /** The shown text, less what renderers write themselves (Slack's {@code &amp;}, button values and ids). */
  private static String linkables(String shown) {
    return shown.replaceAll("&(amp|lt|gt);", " ");
  }

  @Test
  void hostileEchoes_areNoLinkOnAnyPlatform() {
    for (String echo : HOSTILE) {
      for (String text : shown(reply(echo))) {
        assertThat(LINKABLE.matcher(linkables(text)).results().map(m -> m.group()).toList())
            .as("%s shown as %s", echo, text).isEmpty();
      }
    }
  }

  @Test
  void unlinked_looksTheSame_andNfkcGivesTheAddressBack() {
    String shown = Literal.unlinked("alice@example.com");
    assertThat(shown).isEqualTo("alice@example\u2024com");
    assertThat(Normalizer.normalize(shown, Normalizer.Form.NFKC)).isEqualTo("alice@example.com");
  }

  @Test
  void unlinked_leavesTimesSentencesAndNumbersAlone() {
    assertThat(Literal.unlinked("intercept on at HQ until 17:00. Then: off")).isEqualTo(
        "intercept on at HQ until 17:00. Then: off");
    assertThat(Literal.unlinked("+1 214-769-1003")).isEqualTo("+1 214-769-1003");
  }

  @Test
  void replyOwnMarkup_losesSchemesAndWww_keepsItsWords() {
    Reply reply = Reply.of(Tone.INFO, "See https://evil.example or www.evil.example. Usage: help").build();
    List<String> texts = shown(reply);
    assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContainPattern(URL_START));
    assertThat(texts).filteredOn(text -> text.contains("Usage: help")).hasSizeGreaterThanOrEqualTo(3);
  }

  /** A scheme's letters may take dots: the {@code www.} they would carry past the scheme's look-alike is lost too. */
  @Test
  void replyOwnMarkup_wwwRunIntoAScheme_losesBoth() {
    for (String text : shown(Reply.of(Tone.INFO, "www.://x and WWW.https://y").build())) {
      assertThat(text).doesNotContainPattern(URL_START);
    }
  }

  @Property(tries = 1000)
  void anyEchoWithUrlParts_isNoLinkOnAnyPlatform(@ForAll("urlish") String echo) {
    for (String text : shown(reply(echo))) {
      assertThat(LINKABLE.matcher(linkables(text)).results().map(m -> m.group()).toList()).as(text).isEmpty();
    }
  }

  @Property(tries = 1000)
  void unlinked_isIdempotent_andKeepsLength(@ForAll("urlish") String text) {
    String once = Literal.unlinked(text);
    assertThat(Literal.unlinked(once)).isEqualTo(once);
    assertThat(once).hasSameSizeAs(text);
  }

  @Provide
  Arbitrary<String> urlish() {
    Arbitrary<String> part = Arbitraries.oneOf(
        Arbitraries.of("https://", "http://", "HTTPS://", "www.", ".", ":", "//", "mailto:", "@", ".example",
            ".com", "evil", "Zu\u0308rich", "\u09F4", "\uFF0E", "17:00", " ", "<", ">", "|", "](", "`", "\\", "*"),
        Arbitraries.strings().ofMaxLength(6));
    return part.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }
}
