package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HelpTextTest {

  @Test
  void overview_listsEveryCommandFromTheTable() {
    String help = HelpText.overview(spec -> true);

    for (CommandSpec spec : CommandTable.all()) {
      assertThat(help).contains("- " + spec.usage() + ": " + spec.summary());
    }
    assertThat(help).doesNotContain("_(needs");
  }

  @Test
  void overview_marksWhatTheRequesterMayNotRun_withTheRoleItNeeds() {
    Set<Access> helpDesk = Set.of(Access.ANYONE, Access.READ_TRANSFER, Access.READ_INTERCEPT, Access.READ_LOCATIONS);

    String help = HelpText.overview(spec -> helpDesk.contains(spec.access()));

    assertThat(help.lines().filter(line -> line.contains("_(needs"))).hasSize(
        (int) CommandTable.all().stream().filter(spec -> !helpDesk.contains(spec.access())).count());
    assertThat(help).contains("- " + CommandTable.spec("intercept").usage() + ": "
        + CommandTable.spec("intercept").summary() + " _(needs " + Access.CHANGE_INTERCEPT.needs() + ")_");
    assertThat(line(help, "`transfer numbers for")).doesNotContain("_(needs");
    assertThat(line(help, "`set transfer number")).contains("needs a full, user or location admin role");
  }

  @Test
  void overview_forAnOutsider_marksAllButTheOpenCommands() {
    String help = HelpText.overview(spec -> spec.access() == Access.ANYONE);

    assertThat(line(help, "`whoami`")).doesNotContain("_(needs");
    assertThat(line(help, "`help`")).doesNotContain("_(needs");
    assertThat(line(help, "`locations")).contains("_(needs");
  }

  @Test
  void interceptTopic_coversChangeAndStatus_withOptionsAndExamples() {
    String help = HelpText.topic("intercept").orElseThrow();

    assertThat(help).contains(CommandTable.spec("intercept").usage(), CommandTable.spec("intercept status").usage(),
        "- `intercept on at HQ`", "- `intercept status at all`", "`no voicemail`", "`announce off`",
        "`outbound allow` means `local-only`", "`inbound allow-all`", "work with `intercept off` too");
  }

  @Test
  void transferTopic_coversAllFourTransferCommands() {
    String help = HelpText.topic("transfer").orElseThrow();

    assertThat(help).contains("**transfer numbers**", "**set transfer number**", "**clear transfer number**",
        "**custom transfer numbers**", "- `set transfer number 2 for alice@example.com to +12055553651`");
    assertThat(help).doesNotContain("**intercept");
  }

  @Test
  void narrowTopic_coversOnlyItsCommand() {
    String help = HelpText.topic("Intercept  Status?").orElseThrow();

    assertThat(help).contains("**intercept status**", "Who: needs " + Access.READ_INTERCEPT.needs());
    assertThat(help).doesNotContain("**intercept**", "Options go after");
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
      spec.examples().forEach(example -> assertThat(help).contains("- `" + example + "`"));
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
