package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Variables} and {@link ConfigLoader} name the same variables, so the deployment files cannot drift. */
final class VariablesTest {

  private static final Path LOADER = Path.of("src/main/java/dev/switchboard/config/ConfigLoader.java");

  /**
   * The Slack front end's variables, listed ahead of the Slack issue's ConfigLoader. The exemption ends by
   * itself: as soon as ConfigLoader reads any SLACK_ variable, all of these must appear there too.
   */
  private static final Set<String> AWAITING_SLACK_FRONT_END =
      Set.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_BASE");

  @Test
  void everyListedVariable_isReadByConfigLoader() throws IOException {
    String source = Files.readString(LOADER);
    boolean slackLoaded = source.contains("\"SLACK_");
    for (String name : Variables.names()) {
      if (!slackLoaded && AWAITING_SLACK_FRONT_END.contains(name)) continue;
      assertThat(source).as("ConfigLoader.java reads %s", name).contains("\"" + name + "\"");
    }
  }

  @Test
  void everyVariableConfigLoaderReads_isListed() throws IOException {
    assertThat(Variables.names()).containsAll(readByLoader(Files.readString(LOADER)));
  }

  @Test
  void names_areUniqueAndCredentialsAreSecret() {
    assertThat(Variables.ALL).extracting(Variables.Variable::name).doesNotHaveDuplicates();
    assertThat(Variables.ALL).filteredOn(Variables.Variable::secret).extracting(Variables.Variable::name)
        .contains("WEBEX_BOT_TOKEN", "WEBEX_WEBHOOK_SECRET", "WEBEX_ADMIN_TOKEN", "WEBEX_CLIENT_SECRET",
            "WEBEX_REFRESH_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
        .doesNotContain("PORT", "SWITCHBOARD_DATA_DIR", "WEBEX_API_BASE");
    assertThat(Variables.named("PORT")).hasValueSatisfying(v -> assertThat(v.meaning()).contains("8080"));
    assertThat(Variables.named("NOPE")).isEmpty();
  }

  /** Every string literal that looks like a variable name and is read as one: value("X") or env.get("X"). */
  private static Set<String> readByLoader(String source) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?:value|get|getOrDefault|getenv)\\(\\s*\"([A-Z][A-Z0-9_]+)\"").matcher(source);
    while (m.find()) names.add(m.group(1));
    assertThat(names).as("names read in ConfigLoader.java").isNotEmpty();
    return names;
  }
}
