package dev.switchboard.deploy;

import static dev.switchboard.deploy.DeployFiles.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * deploy/container/Dockerfile, read as text (no Docker engine here): multi-stage with the tested jlink script,
 * non-root, port 8080, /data volume, exec-form entrypoint, container-sized heap, and the jar's own health check.
 */
final class DockerfileTest {

  static final int USER_ID = 10001;
  private static final Path DOCKERFILE = DEPLOY.resolve("container/Dockerfile");

  @Test
  void build_isMultiStage_andMakesTheRuntimeWithTheTestedScript() {
    List<String> from = instructions("FROM");
    assertThat(from).hasSizeGreaterThanOrEqualTo(2);
    assertThat(from.get(0)).contains(" AS build");
    assertThat(instructions("COPY")).contains("deploy/container/jlink-runtime.sh ./");
    assertThat(instructions("RUN")).anyMatch(r -> r.contains("jlink-runtime.sh target/switchboard.jar /opt/java"));
    assertThat(instructions("COPY")).contains("--from=build /opt/java /opt/java");
  }

  @Test
  void image_runsAsNonRoot_exposes8080_andKeepsDataInAVolume() {
    List<String> user = finalStage("USER");
    assertThat(user).singleElement().isEqualTo(USER_ID + ":" + USER_ID);
    assertThat(finalStage("EXPOSE")).containsExactly("8080");
    assertThat(String.join(" ", finalStage("ENV"))).contains("SWITCHBOARD_DATA_DIR=/data", "PORT=8080");
    assertThat(finalStage("VOLUME")).containsExactly("[\"/data\"]");
  }

  @Test
  void entrypoint_isExecForm_withAContainerSizedHeap() throws JsonProcessingException {
    JsonNode entrypoint = DeployFiles.JSON.readTree(single("ENTRYPOINT"));
    assertThat(entrypoint.isArray()).as("exec form, so SIGTERM reaches the JVM").isTrue();
    List<String> args = new ArrayList<>();
    entrypoint.forEach(a -> args.add(a.asText()));
    assertThat(args.get(0)).isEqualTo("java");
    assertThat(args).anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
        .noneMatch(a -> a.startsWith("-Xmx"))
        .endsWith("-jar", "/app/switchboard.jar");
    assertThat(single("CMD")).isEqualTo("[\"serve\"]");
  }

  /** Issue 19: an archive is valid only for the runtime and jar path it was made with, so the final stage makes it. */
  @Test
  void classDataArchive_isTrainedInTheFinalStage_onTheJarServeRuns() throws JsonProcessingException {
    assertThat(finalStage("RUN")).anySatisfy(run -> assertThat(run)
        .contains("-XX:ArchiveClassesAtExit=/app/switchboard.jsa", "-jar /app/switchboard.jar warm-up"));
    List<String> args = new ArrayList<>();
    DeployFiles.JSON.readTree(single("ENTRYPOINT")).forEach(a -> args.add(a.asText()));
    assertThat(args).contains("-XX:SharedArchiveFile=/app/switchboard.jsa");
    assertThat(instructions("RUN")).anySatisfy(run -> assertThat(run).contains("package", "-Dcds.skip=true"));
  }

  @Test
  void healthcheck_runsTheJarsHealthSubcommand_inExecForm() {
    JsonNode command = healthcheck();
    assertThat(command.get(0).asText()).isEqualTo("java");
    assertThat(command.toString()).contains("\"-jar\",\"/app/switchboard.jar\",\"health\"");
  }

  @Test
  void dockerignore_sendsOnlyWhatTheBuildReads() {
    assertThat(DeployFiles.lines(Path.of(".dockerignore"))).contains("*", "!pom.xml", "!manifest/", "!src/main/",
        "!deploy/container/jlink-runtime.sh");
  }

  /** The HEALTHCHECK's command, the JSON array after CMD. */
  static JsonNode healthcheck() {
    String healthcheck = single("HEALTHCHECK");
    int cmd = healthcheck.indexOf("CMD [");
    assertThat(cmd).as("HEALTHCHECK ... CMD [exec form]").isPositive();
    try {
      return DeployFiles.JSON.readTree(healthcheck.substring(cmd + 4));
    } catch (JsonProcessingException e) {
      throw new AssertionError("HEALTHCHECK CMD is not a JSON array: " + healthcheck, e);
    }
  }

  private static String single(String keyword) {
    List<String> found = finalStage(keyword);
    assertThat(found).as(keyword).hasSize(1);
    return found.get(0);
  }

  private static List<String> finalStage(String keyword) {
    List<String> all = logicalLines();
    int last = 0;
    for (int i = 0; i < all.size(); i++) if (all.get(i).startsWith("FROM ")) last = i;
    return arguments(all.subList(last, all.size()), keyword);
  }

  private static List<String> instructions(String keyword) {
    return arguments(logicalLines(), keyword);
  }

  private static List<String> arguments(List<String> lines, String keyword) {
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(keyword + " ")) found.add(line.substring(keyword.length() + 1).strip());
    }
    return found;
  }

  /** Instructions with their continuation lines joined, comments and blank lines dropped. */
  private static List<String> logicalLines() {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : DeployFiles.lines(DOCKERFILE)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      boolean continues = line.endsWith("\\");
      current.append(continues ? line.substring(0, line.length() - 1).strip() + " " : line);
      if (!continues) {
        result.add(current.toString());
        current.setLength(0);
      }
    }
    Optional.of(current.toString()).filter(s -> !s.isBlank()).ifPresent(result::add);
    return result;
  }
}
