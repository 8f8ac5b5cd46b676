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

/**
 * deploy/compose: docker-compose accepts it, with and without the trial and postgres profiles, it is hardened, and
 * the postgres profile is two replicas that wait for a healthy PostgreSQL and log in to it with one secret.
 */
final class ComposeTest {

  private static final Path FOLDER = DEPLOY.resolve("compose");

  @TempDir
  Path scratch;

  @Test
  void dockerComposeConfig_acceptsTheFile_andTheTrialProfileAddsTheSimulator() throws IOException {
    assertThat(compose("config", "-q").output()).isBlank();
    assertThat(compose("--profile", "trial", "config", "-q").output()).isBlank();
    // docker-compose 1.29 lists the services of every profile here (the postgres profile's too); which profile each
    // is in is checked below.
    assertThat(compose("--profile", "trial", "config", "--services").output().lines())
        .contains("switchboard", "simulator", "register-webhooks");
  }

  @Test
  void thePostgresProfile_addsPostgresAndTwoReplicas() throws IOException {
    assertThat(compose("--profile", "postgres", "config", "-q").output()).isBlank();
    assertThat(compose("--profile", "postgres", "config", "--services").output().lines())
        .contains("postgres", "switchboard-1", "switchboard-2");
  }

  @Test
  void thePostgresProfile_replicasWaitForAHealthyDatabase_andShareItsUserAndPasswordSecret() {
    JsonNode file = DeployFiles.yaml(FOLDER.resolve("compose.yaml"));
    JsonNode services = file.path("services");
    JsonNode postgres = services.path("postgres");
    assertThat(postgres.path("profiles").toString()).isEqualTo("[\"postgres\"]");
    assertThat(postgres.path("image").asText()).matches("postgres:\\d+\\.\\d+");
    assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    assertThat(postgres.path("read_only").asBoolean()).isTrue();
    assertThat(postgres.path("cap_drop").toString()).isEqualTo("[\"ALL\"]");
    JsonNode pgEnv = postgres.path("environment");
    String secretPath = pgEnv.path("POSTGRES_PASSWORD_FILE").asText();
    assertThat(postgres.path("secrets").toString()).isEqualTo("[\"database-password\"]");
    assertThat(secretPath).isEqualTo("/run/secrets/database-password");
    assertThat(file.path("secrets").path("database-password").path("file").asText()).isEqualTo("./database-password");
    assertThat(DeployFiles.read(FOLDER.resolve(".gitignore")).lines()).contains("database-password");

    List<String> hostPorts = new java.util.ArrayList<>();
    List<String> dataVolumes = new java.util.ArrayList<>();
    for (String name : List.of("switchboard-1", "switchboard-2")) {
      JsonNode replica = services.path(name);
      assertThat(replica.path("profiles").toString()).as(name).isEqualTo("[\"postgres\"]");
      assertThat(replica.path("command").toString()).as(name).isEqualTo("[\"serve\"]");
      assertThat(replica.path("depends_on").path("postgres").path("condition").asText()).as(name)
          .isEqualTo("service_healthy");
      JsonNode env = replica.path("environment");
      assertThat(env.path("SWITCHBOARD_DATABASE_URL").asText()).as(name)
          .isEqualTo("jdbc:postgresql://postgres:5432/" + pgEnv.path("POSTGRES_DB").asText());
      assertThat(env.path("SWITCHBOARD_DATABASE_USER").asText()).as(name).isEqualTo(pgEnv.path("POSTGRES_USER").asText());
      assertThat(env.path("SWITCHBOARD_DATABASE_PASSWORD_FILE").asText()).as(name).isEqualTo(secretPath);
      assertThat(replica.path("secrets").toString()).as(name).isEqualTo("[\"database-password\"]");
      assertThat(replica.path("read_only").asBoolean()).as(name).isTrue();
      assertThat(replica.path("cap_drop").toString()).as(name).isEqualTo("[\"ALL\"]");
      assertThat(replica.path("healthcheck").path("test").toString()).as(name)
          .isEqualTo(services.path("switchboard").path("healthcheck").path("test").toString());
      hostPorts.add(replica.path("ports").get(0).asText());
      dataVolumes.add(replica.path("volumes").get(0).asText());
    }
    assertThat(hostPorts).doesNotHaveDuplicates().allMatch(p -> p.startsWith("127.0.0.1:"));
    assertThat(dataVolumes).as("each replica its own scratch").doesNotHaveDuplicates();
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
