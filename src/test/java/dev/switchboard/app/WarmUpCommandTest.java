package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code warm-up}: the demo through its fixed script, answered in full, quietly; anything else is refused. */
final class WarmUpCommandTest {

  @Test
  void warmUp_answersEveryLineOfItsScript_andSaysNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = WarmUpCommand.run(new String[0], new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void warmUp_withAnOption_isRefused_andRunsNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(WarmUpCommand.run(new String[] {"--as", "x"}, new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("takes no options");
  }

  @Test
  void theScript_coversTheCommandsPeopleSendMost_andUndoesItsChanges() {
    assertThat(WarmUpCommand.SCRIPT.lines()).contains("help", "intercept status", "intercept on at HQ", "undo",
        "transfer numbers for alice@example.com", "quit");
  }
}
