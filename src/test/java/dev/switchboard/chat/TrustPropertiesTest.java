package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.slack.SlackSignature;
import dev.switchboard.chat.webex.WebexMarkdown;
import dev.switchboard.chat.webex.WebexSignature;
import dev.switchboard.command.Command;
import dev.switchboard.command.CommandParser;
import dev.switchboard.ops.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** What must hold for any input: the parser always answers, signatures match exactly what was signed, echoes are inert. */
final class TrustPropertiesTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");
  private static final String ACTIVE = "\\`*_~[]()<>#!|&{}";
  /** A regex character class of the active characters, each escaped. */
  private static final String ACTIVE_CLASS = ACTIVE.chars().mapToObj(c -> "\\" + (char) c)
      .collect(java.util.stream.Collectors.joining("", "[", "]"));

  @Property(tries = 2000)
  void parser_neverThrows_andAlwaysAnswers(@ForAll @StringLength(max = 300) String text) {
    Command command = PARSER.parse(text);
    assertThat(command).isNotNull();
  }

  @Property(tries = 500)
  void parser_neverThrows_onTextTakenInInert(@ForAll @StringLength(max = 300) String text) {
    assertThat(PARSER.parse(Reply.inert(text))).isNotNull();
  }

  @Property(tries = 1000)
  void webexSignature_acceptsExactlyWhatWasSigned(@ForAll byte[] body, @ForAll byte[] other) {
    WebexSignature signature = new WebexSignature("secret");
    String signed = signature.sign(body);
    assertThat(signature.verify(body, signed)).isTrue();
    assertThat(signature.verify(other, signed)).isEqualTo(Arrays.equals(body, other));
  }

  @Property(tries = 1000)
  void slackSignature_acceptsExactlyWhatWasSigned(@ForAll byte[] body, @ForAll byte[] other) {
    Instant now = Instant.parse("2026-11-25T09:00:00Z");
    SlackSignature signature = new SlackSignature("secret", Clock.fixed(now, ZoneOffset.UTC));
    String ts = Long.toString(now.getEpochSecond());
    String signed = signature.sign(ts, body);
    assertThat(signature.verify(ts, signed, body)).isEqualTo(SlackSignature.Verdict.VALID);
    assertThat(signature.verify(ts, signed, other) == SlackSignature.Verdict.VALID)
        .isEqualTo(Arrays.equals(body, other));
    assertThat(signature.verify(Long.toString(now.getEpochSecond() + 1), signed, body))
        .isNotEqualTo(SlackSignature.Verdict.VALID);
  }

  @Property(tries = 2000)
  void webexEscaping_isIdempotent(@ForAll String text) {
    String once = WebexMarkdown.escape(text);
    assertThat(WebexMarkdown.escape(once)).isEqualTo(once);
  }

  @Property(tries = 2000)
  void webexEscaping_leavesNoActiveMarkdown(@ForAll String text) {
    String escaped = WebexMarkdown.escape(text);
    // Every active character is escaped: with the escape pairs removed, none is left.
    assertThat(escaped.replaceAll("\\\\" + ACTIVE_CLASS, "")).doesNotContainPattern(ACTIVE_CLASS);
  }

  @Property(tries = 1000)
  void renderedEcho_hasNoMentionLinkOrBidi(@ForAll String text) {
    String rendered = WebexMarkdown.text("Asked: " + Reply.literal(text) + " and `" + Reply.literal(text) + "`");
    String outsideCode = rendered.replaceAll("`[^`]*`", "");
    assertThat(outsideCode).doesNotContainPattern("(?<!\\\\)<").doesNotContainPattern("(?<!\\\\)\\]\\(");
    assertThat(rendered).doesNotContain("\u202E").doesNotContain(String.valueOf(Reply.LITERAL_START));
    // The only code span is the reply's own: inside it, the echo has no backtick that could close it early.
    assertThat(rendered).endsWith("`");
    String code = rendered.substring(rendered.lastIndexOf(" and `") + " and `".length(), rendered.length() - 1);
    assertThat(code).doesNotContain("`");
    assertThat(new String(rendered.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(rendered);
  }
}
