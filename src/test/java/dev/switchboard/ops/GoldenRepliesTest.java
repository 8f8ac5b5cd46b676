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
import dev.switchboard.chat.webex.WebexSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The replies people see, for each kind of command, rendered for every platform and compared exactly with the files
 * in {@code src/test/resources/golden/}, which are checked in and reviewed like code. After a deliberate change of
 * wording, regenerate them with {@code mvn -o -q test -Dtest=GoldenRepliesTest -Dgolden.update=true} and read the
 * diff. Each reply also keeps to its line budget (PRODUCT.md, "Decisions for round 2").
 */
final class GoldenRepliesTest extends OnASimulatedOrg {

  /** Where the golden files live in the source tree; written only when {@code golden.update} is set. */
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void greeting_fitsTwoLines() {
    assertBudget(golden("hi", sim.say(ANA, "hi")), 2);
  }

  @Test
  void help_isAShortListOfTopics() {
    assertBudget(golden("help", sim.say(ANA, "help")), 15);
  }

  @Test
  void helpTopic_fitsOneScreen() {
    assertBudget(golden("help-intercept", sim.say(ANA, "help intercept")), 15);
  }

  /** The details a short reply leaves out: the title, seven settings and what is planned there. */
  @Test
  void statusOfOneLocation_isTheFullSettings() {
    assertBudget(golden("status-one", sim.say(ANA, "intercept status at HQ")), 1 + 7 + 1);
  }

  @Test
  void statusOfEveryLocation() {
    Reply reply = sim.say(ANA, "intercept status at all");
    golden("status-all", reply);
  }

  @Test
  void singleChange_fitsFourLines() {
    assertBudget(golden("change-single", sim.say(ANA, "intercept on at HQ")), 4);
  }

  @Test
  void preview_fitsLocationsPlusThree() {
    assertBudget(golden("preview", sim.say(ANA, "intercept on at Austin, Denver voicemail")), 2 + 3);
  }

  @Test
  void preview_inADirectSpace_asksForAPlainYes() {
    Reply reply = sim.say(ANA, "intercept on at Austin, Denver voicemail");
    compare("preview-direct.md", stable(MarkdownRenderer.render(reply, new WebexSpace(false, "Switchboard"))));
    assertThat(MarkdownRenderer.render(reply, new WebexSpace(false, "Switchboard")))
        .contains("Reply **yes** within 2 minutes").doesNotContain("@Switchboard");
    assertThat(MarkdownRenderer.render(reply, new WebexSpace(true, "Switchboard Bot")))
        .contains("Reply **@Switchboard Bot yes** within 2 minutes");
    assertThat(BlockKitRenderer.text(reply)).contains("Press *Confirm* or reply *yes*");
  }

  @Test
  void refusal_forSomeoneWithoutARole_saysWhatTheyMayRunAndWhomToAsk() {
    Reply reply = sim.say(PAT, "intercept on at HQ");
    assertThat(MarkdownRenderer.render(reply)).contains("you may run `help`")
        .contains("To get access, ask the voice team");
  }

  @Test
  void confirmedChange() {
    sim.say(ANA, "intercept on at Austin, Denver voicemail");
    assertBudget(golden("confirm", sim.say(ANA, "yes")), 2 + 3);
  }

  @Test
  void undoOfASingleChange() {
    sim.say(ANA, "intercept on at HQ");
    assertBudget(golden("undo", sim.say(ANA, "undo")), 4);
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
    assertBudget(golden("refusal", sim.say(PAT, "intercept on at HQ")), 4);
  }

  @Test
  void unknownCommand() {
    assertBudget(golden("unknown", sim.say(ANA, "fly me to the moon")), 4);
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

  /**
   * A reply's length as a person sees it: the lines of its Webex markdown, blank lines between paragraphs aside
   * (Webex shows them as spacing), and the same for the console.
   */
  private static void assertBudget(Reply reply, int lines) {
    String markdown = MarkdownRenderer.render(reply);
    assertThat(visibleLines(markdown)).as("lines of\n%s", markdown).isLessThanOrEqualTo(lines);
    String plain = PlainTextRenderer.render(reply);
    assertThat(visibleLines(plain)).as("lines of\n%s", plain).isLessThanOrEqualTo(lines);
  }

  static long visibleLines(String text) {
    return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).count();
  }
}
