package dev.switchboard.deploy;

import static dev.switchboard.deploy.DeployFiles.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.Variable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The variables named in the Deployment, the Compose file, the env examples and the systemd unit are the ones
 * {@code serve} reads ({@link Variable}): nothing unknown, nothing missing, and credentials only where
 * credentials belong.
 */
final class DeployVariablesTest {

  private static final Set<String> ALL = Arrays.stream(Variable.values()).map(Variable::name)
      .collect(Collectors.toSet());
  private static final Set<String> SECRET = Arrays.stream(Variable.values()).filter(Variable::secret)
      .map(Variable::name).collect(Collectors.toSet());

  @Test
  void composeEnvExample_documentsEveryVariable_andNoOther() {
    assertThat(DeployFiles.envMentioned(DEPLOY.resolve("compose/.env.example")).keySet())
        .containsExactlyInAnyOrderElementsOf(ALL);
  }

  @Test
  void composeFile_setsOnlyKnownVariables_andNoCredentials() {
    JsonNode services = DeployFiles.yaml(DEPLOY.resolve("compose/compose.yaml")).path("services");
    Set<String> named = new TreeSet<>();
    // Switchboard's services (PostgreSQL's, in the postgres profile, has variables of its own).
    services.forEach(service -> {
      if (service.path("image").asText().startsWith("switchboard:")) {
        service.path("environment").fieldNames().forEachRemaining(named::add);
      }
    });
    assertThat(named).isNotEmpty();
    assertThat(ALL).containsAll(named);
    assertThat(named).doesNotContainAnyElementsOf(SECRET);
  }

  @Test
  void systemdEnvExample_documentsEveryVariable_andTheUnitSetsOnlyKnownOnes() {
    assertThat(DeployFiles.envMentioned(DEPLOY.resolve("systemd/switchboard.env.example")).keySet())
        .containsExactlyInAnyOrderElementsOf(ALL);
    Set<String> inUnit = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^Environment=([A-Z][A-Z0-9_]*)=").matcher(
        DeployFiles.read(DEPLOY.resolve("systemd/switchboard.service")));
    while (m.find()) inUnit.add(m.group(1));
    assertThat(inUnit).containsExactly("SWITCHBOARD_DATA_DIR");
  }

  @Test
  void kubernetes_everyVariableHasItsPlace_secretsInTheSecret_settingsInTheConfigMap() {
    Path dir = DEPLOY.resolve("kubernetes");
    Set<String> inSecret = DeployFiles.envMentioned(dir.resolve("base/secret.env.example")).keySet();
    Set<String> inConfig = DeployFiles.envMentioned(dir.resolve("base/config.env")).keySet();
    Set<String> inDeployment = new TreeSet<>();
    // The base's Deployment, and the default's patch of it (the database).
    for (String file : new String[] {"base/deployment.yaml", "two-replicas.yaml"}) {
      JsonNode container = DeployFiles.yaml(dir.resolve(file))
          .path("spec").path("template").path("spec").path("containers").get(0);
      container.path("env").forEach(e -> inDeployment.add(e.path("name").asText()));
    }

    assertThat(inSecret).containsExactlyInAnyOrderElementsOf(SECRET);
    assertThat(inConfig).doesNotContainAnyElementsOf(SECRET);
    assertThat(inDeployment).doesNotContainAnyElementsOf(SECRET);
    Set<String> everywhere = new TreeSet<>(inSecret);
    everywhere.addAll(inConfig);
    everywhere.addAll(inDeployment);
    assertThat(everywhere).containsExactlyInAnyOrderElementsOf(ALL);
  }

  @Test
  void setValues_areConsistentAcrossTargets() {
    Map<String, String> compose = DeployFiles.envSet(DEPLOY.resolve("compose/.env.example"));
    JsonNode switchboard = DeployFiles.yaml(DEPLOY.resolve("compose/compose.yaml")).path("services").path("switchboard");
    assertThat(switchboard.path("environment").path("SWITCHBOARD_DATA_DIR").asText()).isEqualTo("/data");
    assertThat(switchboard.path("environment").path("PORT").asText()).isEqualTo("8080");
    // The trial wiring: serve talks to the simulator service, and Webex (the simulator) posts to serve.
    assertThat(compose.get("WEBEX_API_BASE")).isEqualTo("http://simulator:9090/v1");
    assertThat(compose.get("PUBLIC_URL")).isEqualTo("http://switchboard:8080");
    Iterator<JsonNode> command = DeployFiles.yaml(DEPLOY.resolve("compose/compose.yaml"))
        .path("services").path("simulator").path("command").elements();
    StringBuilder simulator = new StringBuilder();
    command.forEachRemaining(part -> simulator.append(part.asText()).append(' '));
    assertThat(simulator.toString()).contains("--host 0.0.0.0", "--port 9090");
  }
}
