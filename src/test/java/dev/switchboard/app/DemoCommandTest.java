package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script piped into {@code demo}, as a new user or a CI job would. */
final class DemoCommandTest {

  @TempDir Path dataDir;

  private String demo(String script, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dataDir.toString();
    int code = DemoCommand.run(all, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void script_ofTheReadmeExamples_getsTheExpectedReplies() throws Exception {
    String out = demo("""
        help
        intercept status
        intercept on at HQ
        undo
        intercept on at Austin, Denver voicemail
        yes
        transfer numbers for alice@example.com
        as hana.helpdesk@example.com
        intercept on at HQ
        whoami
        interecpt status at HQ
        quit
        intercept on at London
        """);

    assertThat(out).contains("You are ana.admin@example.com")
        .contains("[i] What I can do")
        .contains("[i] Intercept is on at 1 location of 8.")
        .contains("[ok] Intercept is now ON at HQ.")
        .contains("[ok] Undone: intercept on at HQ.")
        .contains("[!] Preview: intercept on at 2 locations; nothing changes until you confirm.")
        .contains("[ok] Intercept changed at 2 of 2 locations.")
        .contains("International → number 1, +1205553650")
        .contains("You are now hana.helpdesk@example.com.")
        .contains("[denied] You may not")
        .contains("Roles        help desk")
        .contains("Did you mean intercept status at HQ?")
        .contains("Bye.")
        .doesNotContain("ON at London");
    assertThat(Files.list(dataDir.resolve("audit"))).isNotEmpty();
  }

  @Test
  void websocketOption_answersOverTheWebsocket_withNoWebhook() {
    String out = demo("intercept on at HQ\nundo\nquit\n", "--websocket");
    assertThat(out).contains("over its websocket (no webhooks)")
        .contains("[ok] Intercept is now ON at HQ.")
        .contains("[ok] Undone: intercept on at HQ.");
  }

  @Test
  void asOption_startsAsThatPerson() {
    String out = demo("whoami\n", "--as", "omar.oncall@example.com");
    assertThat(out).contains("You are Omar Oncall (omar.oncall@example.com).").contains("on-call");
  }

  @Test
  void unknownPerson_isRefusedWithTheList() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = DemoCommand.run(new String[] {"--as", "nobody@example.com"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ana.admin@example.com");
  }

  @Test
  void help_listsEveryFlag_andExitsCleanly() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = DemoCommand.run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--as EMAIL").contains("--data-dir DIR")
        .contains("--websocket").contains("--help").doesNotContain("unknown");
  }

  @Test
  void restartedOnTheSameDataDir_setsAsideThePlansOfTheOldOrg_andSaysSo() throws Exception {
    java.nio.file.Path dir = dataDir;
    demo("intercept on at HQ for 2h\n");
    assertThat(dir.resolve("schedules.json")).exists();

    String out = demo("schedules\nhistory\n");

    assertThat(out).contains("seeded afresh").contains("set aside").contains("Nothing is planned")
        .contains("intercept on at HQ for 2h");
    assertThat(dir.resolve("schedules.json")).doesNotExist();
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("schedules.json.before-"));
    }
  }
}
