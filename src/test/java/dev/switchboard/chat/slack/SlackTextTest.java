package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SlackTextTest {

  private static final UnaryOperator<String> NO_EMAILS = id -> null;

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
      "transfer numbers for <mailto:alice@example.com|alice@example.com> => transfer numbers for alice@example.com",
      "transfer numbers for <mailto:alice@example.com> => transfer numbers for alice@example.com",
      "intercept on at HQ announce <tel:+12147691003|+1 214-769-1003> => intercept on at HQ announce +12147691003",
      "intercept on at R&amp;D => intercept on at R&D",
      "intercept status at &lt;HQ&gt; => intercept status at <HQ>",
      "literally &amp;lt; => literally &lt;",
      "ping <#C123|ops> and <!here> => ping #ops and @here",
      "tell <!subteam^S123|@oncall> => tell @oncall",
      "see <https://example.com|the site> => see the site",
      "hello <@U999|someone> => hello @someone",
      "hello <@U999> => hello @U999",
  })
  void unescape_slackMarkup_becomesWhatWasTyped(String slack, String typed) {
    assertThat(SlackText.unescape(slack, NO_EMAILS)).isEqualTo(typed);
  }

  @Test
  void unescape_userMentionWithKnownEmail_becomesTheEmail() {
    Map<String, String> emails = Map.of("U1", "alice@example.com");
    assertThat(SlackText.unescape("transfer numbers for <@U1>", emails::get))
        .isEqualTo("transfer numbers for alice@example.com");
  }

  @Test
  void stripLeadingMention_ofTheBot_removed() {
    assertThat(SlackText.stripLeadingMention("<@UBOT> intercept on at HQ", "UBOT")).isEqualTo("intercept on at HQ");
    assertThat(SlackText.stripLeadingMention("  <@UBOT|switchboard>: help", "UBOT")).isEqualTo("help");
  }

  @Test
  void stripLeadingMention_ofSomeoneElse_kept() {
    assertThat(SlackText.stripLeadingMention("<@UALICE> help", "UBOT")).isEqualTo("<@UALICE> help");
    assertThat(SlackText.stripLeadingMention("help <@UBOT>", "UBOT")).isEqualTo("help <@UBOT>");
  }

  @Test
  void stripLeadingMention_botUnknown_removesTheLeadingMention() {
    assertThat(SlackText.stripLeadingMention("<@UANY> whoami", null)).isEqualTo("whoami");
  }

  @Test
  void mrkdwn_boldAndEmphasis_converted() {
    assertThat(SlackText.mrkdwn("**HQ** is set to *allow all*, see `intercept **x**`"))
        .isEqualTo("*HQ* is set to _allow all_, see `intercept **x**`");
  }

  @Test
  void mrkdwn_angleBracketsAndAmpersands_escapedSoNothingBecomesAMention() {
    assertThat(SlackText.mrkdwn("R&D <!channel> <@U1>")).isEqualTo("R&amp;D &lt;!channel&gt; &lt;@U1&gt;");
  }

  @Test
  void mrkdwn_lonelyStars_untouched() {
    assertThat(SlackText.mrkdwn("2 * 3 * 4")).isEqualTo("2 * 3 * 4");
  }
}
