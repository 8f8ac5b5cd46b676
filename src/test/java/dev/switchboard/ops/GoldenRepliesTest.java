package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.chat.PlainTextRenderer;
import dev.switchboard.chat.slack.BlockKitRenderer;
import dev.switchboard.chat.webex.AdaptiveCardRenderer;
import dev.switchboard.chat.webex.MarkdownRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replies people see, for each kind of command, rendered for every platform and compared exactly with the files
 * in {@code src/test/resources/golden/}, which are checked in and reviewed like code. After a deliberate change of
 * wording, regenerate them with {@code mvn -o -q test -Dtest=GoldenRepliesTest -Dgolden.update=true} and read the
 * diff.
 */
final class GoldenRepliesTest {

  /** Where the golden files live in the source tree; written only when {@code golden.update} is set. */
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir Path dataDir;
  private SimulatedOrg sim;

  @BeforeEach
  void start() {
    sim = new SimulatedOrg(dataDir);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void greeting_fitsTwoLines() {
    golden("hi", sim.say(ANA, "hi"));
  }

  @Test
  void help_isAShortListOfTopics() {
    golden("help", sim.say(ANA, "help"));
  }

  @Test
  void helpTopic_fitsOneScreen() {
    golden("help-intercept", sim.say(ANA, "help intercept"));
  }

  @Test
  void statusOfOneLocation() {
    golden("status-one", sim.say(ANA, "intercept status at HQ"));
  }

  @Test
  void statusOfEveryLocation() {
    golden("status-all", sim.say(ANA, "intercept status at all"));
  }

  @Test
  void singleChange_fitsFourLines() {
    golden("change-single", sim.say(ANA, "intercept on at HQ"));
  }

  @Test
  void preview_fitsLocationsPlusThree() {
    golden("preview", sim.say(ANA, "intercept on at Austin, Denver voicemail"));
  }

  @Test
  void confirmedChange() {
    sim.say(ANA, "intercept on at Austin, Denver voicemail");
    golden("confirm", sim.say(ANA, "yes"));
  }

  @Test
  void undoOfASingleChange() {
    sim.say(ANA, "intercept on at HQ");
    golden("undo", sim.say(ANA, "undo"));
  }

  @Test
  void history() {
    sim.say(ANA, "intercept on at HQ");
    sim.say(ANA, "undo");
    golden("history", sim.say(ANA, "history"));
  }

  @Test
  void schedules() {
    sim.say(ANA, "intercept on at HQ for 2h");
    golden("schedules", sim.say(ANA, "schedules"));
  }

  @Test
  void refusalForNoRights() {
    golden("refusal", sim.say(PAT, "intercept on at HQ"));
  }

  @Test
  void unknownCommand() {
    golden("unknown", sim.say(ANA, "fly me to the moon"));
  }

  /** The reply's renderings compared with (or, when updating, written to) {@code golden/<name>.*}; returns it. */
  private static Reply golden(String name, Reply reply) {
    Map<String, Function<Reply, String>> renderings = new LinkedHashMap<>();
    renderings.put(".md", MarkdownRenderer::render);
    renderings.put(".card.json", r -> json(AdaptiveCardRenderer.render(r)));
    renderings.put(".slack.json", r -> json(BlockKitRenderer.message(r)));
    renderings.put(".txt", PlainTextRenderer::render);
    renderings.forEach((suffix, render) -> compare(name + suffix, stable(render.apply(reply))));
    return reply;
  }

  private static void compare(String file, String actual) {
    Path path = GOLDEN.resolve(file);
    try {
      if (UPDATE) {
        Files.createDirectories(GOLDEN);
        Files.writeString(path, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(path).as("golden file %s (regenerate with -Dgolden.update=true)", file).exists();
      assertThat(actual).as("golden file %s (regenerate with -Dgolden.update=true and review the diff)", file)
          .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ids that differ from run to run (previews, batches) as a placeholder, so the files compare exactly. */
  private static String stable(String text) {
    return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
        .replace("\r\n", "\n");
  }

  private static String json(Object node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
