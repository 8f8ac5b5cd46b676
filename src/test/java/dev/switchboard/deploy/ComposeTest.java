package dev.switchboard.deploy;

import static dev.switchboard.deploy.DeployFiles.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.deploy.Tools.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/compose: docker-compose accepts it, with and without the trial profile, and it is hardened. */
final class ComposeTest {

  private static final Path FOLDER = DEPLOY.resolve("compose");

  @TempDir
  Path scratch;

  @Test
  void dockerComposeConfig_acceptsTheFile_andTheTrialProfileAddsTheSimulator() throws IOException {
    assertThat(compose("config", "-q").output()).isBlank();
    assertThat(compose("--profile", "trial", "config", "-q").output()).isBlank();
    // docker-compose 1.29 lists the services of every profile here; which profile each is in is checked below.
    assertThat(compose("--profile", "trial", "config", "--services").output().lines())
        .containsExactlyInAnyOrder("switchboard", "simulator", "register-webhooks");
  }

  @Test
  void services_runReadOnlyAsTheImageUser_andServeHasItsVolumeAndHealthCheck() {
    JsonNode services = DeployFiles.yaml(FOLDER.resolve("compose.yaml")).path("services");
    JsonNode serve = services.path("switchboard");
    assertThat(serve.path("command").toString()).isEqualTo("[\"serve\"]");
    assertThat(serve.path("env_file").asText()).isEqualTo(".env");
    assertThat(serve.path("volumes").toString()).contains("switchboard-data:/data");
    assertThat(serve.path("healthcheck").path("test").toString())
        .isEqualTo(DockerfileTest.healthcheck().toString().replace("[", "[\"CMD\","));
    for (String name : List.of("switchboard", "simulator", "register-webhooks")) {
      JsonNode service = services.path(name);
      assertThat(service.path("read_only").asBoolean()).as(name).isTrue();
      assertThat(service.path("cap_drop").toString()).as(name).isEqualTo("[\"ALL\"]");
      assertThat(service.path("build").path("dockerfile").asText()).isEqualTo("deploy/container/Dockerfile");
    }
    assertThat(serve.path("profiles").isMissingNode()).as("serve runs without a profile").isTrue();
    assertThat(services.path("simulator").path("profiles").toString()).isEqualTo("[\"trial\"]");
    assertThat(services.path("register-webhooks").path("profiles").toString()).isEqualTo("[\"trial\"]");
    assertThat(DeployFiles.read(FOLDER.resolve(".gitignore")).lines()).contains(".env");
  }

  /** docker-compose in a copy of the folder, with .env made from .env.example as the README says. */
  private Result compose(String... args) throws IOException {
    Path tool = Tools.require("check deploy/compose/compose.yaml", "docker-compose");
    Path dir = DeployFiles.copy(FOLDER, scratch.resolve("compose-" + System.nanoTime()));
    Files.copy(dir.resolve(".env.example"), dir.resolve(".env"));
    List<String> command = new java.util.ArrayList<>(List.of(tool.toString(), "-f", "compose.yaml"));
    command.addAll(List.of(args));
    Result result = Tools.run(Duration.ofMinutes(2), dir, Map.of(), command);
    assertThat(result.code()).as(result.output()).isZero();
    return result;
  }
}
