package dev.switchboard.app;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code warm-up}: the demo, run through a fixed script of the commands people send most, its replies discarded; exit
 * 0 when it ran to its end. It loads the classes {@code serve} needs to start and to answer (Javalin and Jetty,
 * Jackson, OkHttp, the command grammar, the renderers), which is what a class-data sharing archive is trained on:
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=switchboard.jsa -jar switchboard.jar warm-up   # the build, the image, the unit do this
 * java -XX:SharedArchiveFile=switchboard.jsa -jar switchboard.jar serve        # starts in about half the time
 * }</pre>
 */
final class WarmUpCommand {

  /** The lines typed, as the demo's console takes them; changes are undone, so the demo org ends as it began. */
  static final String SCRIPT = String.join("\n", "help", "whoami", "locations", "intercept status",
      "intercept status at HQ", "intercept on at HQ", "undo", "transfer numbers for alice@example.com",
      "intercept on at Austin, Denver", "yes", "undo", "history", "frobnicate the widgets", "quit", "");

  private WarmUpCommand() {}

  static int run(String[] args, PrintStream err) {
    if (args.length > 0) {
      err.println("warm-up takes no options: it runs the demo through a fixed script and exits.");
      return 2;
    }
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    int code = DemoCommand.run(new String[0], new ByteArrayInputStream(SCRIPT.getBytes(StandardCharsets.UTF_8)),
        discard, discard);
    if (code != 0) err.println("warm-up: the demo ended with exit code " + code + "; run the demo to see why.");
    return code;
  }
}
