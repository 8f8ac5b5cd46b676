package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HelpTextTest {

  @Test
  void overview_isAShortListOfTopics_andEveryCommandBelongsToOne() {
    String help = HelpText.overview(spec -> true);

    for (CommandTable.Topic topic : CommandTable.topics()) {
      assertThat(help).contains("- `" + topic.name() + "`: " + topic.line());
    }
    assertThat(help.lines().count()).isLessThanOrEqualTo(14);
    assertThat(help).doesNotContain("Needs a role");
    for (CommandSpec spec : CommandTable.all()) {
      if (spec.topic().equals("help")) continue;
      assertThat(CommandTable.topics()).as(spec.topic()).anyMatch(t -> t.specs().contains(spec.topic()));
    }
  }

  @Test
  void overview_namesOnceWhatNeedsARoleTheRequesterLacks() {
    Set<Access> helpDesk = Set.of(Access.ANYONE, Access.READ_TRANSFER, Access.READ_INTERCEPT, Access.READ_LOCATIONS,
        Access.OWN_CHANGE, Access.PENDING_REQUESTER);

    String help = HelpText.overview(spec -> helpDesk.contains(spec.access()));

    assertThat(help).contains("- `transfer`:", "- `intercept status`:", "- `locations`:")
        .doesNotContain("- `intercept`:", "- `history`:");
    assertThat(line(help, "Needs a role")).contains("`intercept`", "`timed intercept`", "`history`")
        .doesNotContain("`transfer`");
  }

  @Test
  void overview_forAnOutsider_listsOnlyTheOpenTopics() {
    String help = HelpText.overview(spec -> spec.access() == Access.ANYONE);

    assertThat(help).contains("- `whoami`:").doesNotContain("- `locations`:");
    assertThat(line(help, "Needs a role")).contains("`locations`");
  }

  @Test
  void interceptTopic_isOneScreen_withOptionsExamplesAndWho() {
    String help = HelpText.topic("intercept").orElseThrow();

    assertThat(help).contains(CommandTable.spec("intercept").usage(), "`intercept on at HQ`", "`no voicemail`",
        "`announce off`", "`outbound allow` means", "`inbound allow-all`", "with `intercept off` too",
        "Who: needs " + Access.CHANGE_INTERCEPT.needs(), "`help timed intercept`");
    assertThat(help.lines().count()).isLessThanOrEqualTo(14);
  }

  @Test
  void transferTopic_coversAllFourTransferCommands() {
    String help = HelpText.topic("transfer").orElseThrow();

    assertThat(help).contains("**transfer numbers**", "**set transfer number**", "**clear transfer number**",
        "**custom transfer numbers**", "`set transfer number 2 for alice@example.com to +12055553651`");
    assertThat(help).doesNotContain("**intercept");
  }

  @Test
  void narrowTopic_coversOnlyItsCommand() {
    String help = HelpText.topic("Intercept  Status?").orElseThrow();

    assertThat(help).contains("**intercept status**", "Who: needs " + Access.READ_INTERCEPT.needs());
    assertThat(help).doesNotContain("**intercept**", "Options go after");
  }

  @Test
  void roleWording_comesFromAccess_withTheLocationNamedWhenKnown() {
    assertThat(Access.CHANGE_INTERCEPT.needs()).isEqualTo("a full or user admin, a location admin or the on-call list");
    assertThat(Access.CHANGE_INTERCEPT.needs("HQ")).contains("the location admin of HQ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "intercept", "intercept status", "transfer numbers", "set transfer number",
      "clear transfer number", "custom transfer numbers", "locations", "history", "undo", "whoami", "confirm",
      "cancel", "yes", "who am i", "options", "transfer", "location", "status", "custom", "audit", "roles"})
  void everyTopicAndAlias_hasHelp(String topic) {
    assertThat(HelpText.topic(topic)).isPresent();
  }

  @Test
  void everySpec_isItsOwnHelpTopic_showingItsUsageAndExamples() {
    for (CommandSpec spec : CommandTable.all()) {
      String help = HelpText.topic(spec.topic()).orElseThrow();
      assertThat(help).contains("**" + spec.topic() + "**", spec.usage());
      spec.examples().forEach(example -> assertThat(help).contains("`" + example + "`"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "fax", "intercept fax", "transfer fax"})
  void unknownTopic_hasNoHelp(String topic) {
    assertThat(HelpText.topic(topic)).isEmpty();
  }

  @Test
  void nullTopic_hasNoHelp() {
    assertThat(HelpText.topic(null)).isEmpty();
  }

  private static String line(String text, String containing) {
    return text.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow();
  }
}
