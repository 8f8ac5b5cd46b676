package dev.switchboard.deploy;

import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.LEO;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.deploy.DeployFiles.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.deploy.Tools.Result;
import dev.switchboard.ops.Policy;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.sim.DemoOrg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes: Kustomize builds it, every object it yields validates (strictly) against the Kubernetes
 * schemas, and the Deployment says what the issue asks: one replica, Recreate, probes, limits, locked down.
 */
final class KubernetesTest {

  private static final Path FOLDER = DEPLOY.resolve("kubernetes");
  private static final Path VALIDATOR = Path.of("src/test/node/validate-kubernetes.mjs");

  @TempDir
  Path scratch;

  @Test
  void kustomizeBuild_yieldsTheObjects_withGeneratedNamesWiredIn() {
    List<JsonNode> objects = DeployFiles.documents(build());
    Map<String, JsonNode> byKind = new TreeMap<>();
    List<String> kinds = new ArrayList<>();
    for (JsonNode o : objects) {
      kinds.add(o.path("kind").asText());
      byKind.putIfAbsent(o.path("kind").asText(), o);
    }
    assertThat(kinds).containsExactlyInAnyOrder("Namespace", "ServiceAccount", "PersistentVolumeClaim",
        "Deployment", "Service", "ConfigMap", "ConfigMap", "Secret");
    objects.stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
        .forEach(o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("switchboard"));

    JsonNode pod = byKind.get("Deployment").path("spec").path("template").path("spec");
    String secret = byKind.get("Secret").path("metadata").path("name").asText();
    assertThat(secret).startsWith("switchboard-secrets-");
    assertThat(pod.path("containers").get(0).path("envFrom").findValuesAsText("name")).contains(secret);
    assertThat(pod.path("containers").get(0).path("image").asText()).isEqualTo("registry.example.com/switchboard:0.1.0");
    assertThat(pod.path("volumes").findValuesAsText("name")).anyMatch(n -> n.startsWith("switchboard-policy-"));
  }

  @Test
  void everyObject_validatesStrictlyAgainstTheKubernetesSchemas() throws IOException {
    Path built = scratch.resolve("built.yaml");
    Files.writeString(built, build());
    Result result = validate(built);
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output()).contains("8 object(s) valid");
  }

  @Test
  void validator_rejectsUnknownFieldsAndWrongTypes() throws IOException {
    Path broken = scratch.resolve("broken.yaml");
    Files.writeString(broken, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: broken}
        spec:
          selector: {matchLabels: {a: b}}
          template:
            metadata: {labels: {a: b}}
            spec:
              containers:
                - name: a
                  image: x
                  livenesProbe: {httpGet: {path: /healthz, port: 8080}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          ports:
            - port: eighty
        """);
    Result result = validate(broken);
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.output()).contains("/spec/template/spec/containers/0/livenesProbe is not a field")
        .contains("/spec/ports/0/port fails type");
  }

  @Test
  void deployment_isOneRecreatedReplica_withProbesLimitsAndALockedDownPod() {
    JsonNode deployment = DeployFiles.yaml(FOLDER.resolve("deployment.yaml"));
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(deployment.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
    assertThat(DeployFiles.read(FOLDER.resolve("deployment.yaml"))).contains("until state is shared");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(DockerfileTest.USER_ID);
    JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("args").toString()).isEqualTo("[\"serve\"]");
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
    assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    assertThat(container.path("resources").path("requests").path("memory").isMissingNode()).isFalse();
    assertThat(container.path("resources").path("limits").path("memory").isMissingNode()).isFalse();
    JsonNode security = container.path("securityContext");
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/data", "/config", "/tmp");
    assertThat(DeployFiles.yaml(FOLDER.resolve("serviceaccount.yaml")).path("automountServiceAccountToken")
        .asBoolean(true)).isFalse();
  }

  @Test
  void policyExamples_grantLeoAustinAndDenver_omarOnCall_hanaHelpDesk_andNothingElse() {
    List<String> demoLocations = DemoOrg.load(0).locationNames();
    for (Path example : List.of(FOLDER.resolve("policy.yaml"), DEPLOY.resolve("compose/policy.yaml"))) {
      Policy policy = PolicyFile.read(example);
      assertThat(policy.locationsAdministeredBy(LEO)).as(example.toString()).containsExactly("austin", "denver");
      assertThat(policy.isOnCall(OMAR)).as(example.toString()).isTrue();
      assertThat(policy.isHelpDesk(HANA)).as(example.toString()).isTrue();
      assertThat(policy.locationAdmins()).as(example.toString()).containsOnlyKeys(LEO);
      assertThat(policy.onCall()).as(example.toString()).containsExactly(OMAR);
      assertThat(policy.helpDesk()).as(example.toString()).containsExactly(HANA);
      assertThat(policy.presets()).as(example.toString()).isEmpty();
      assertThat(policy.unknownLocations(demoLocations)).as("locations the trial's demo org lacks").isEmpty();
    }
  }

  /** `kustomize build` of a copy of the folder, with secret.env made from its example as a user would. */
  private String build() {
    Path dir = DeployFiles.copy(FOLDER, scratch.resolve("kubernetes"));
    try {
      Files.copy(dir.resolve("secret.env.example"), dir.resolve("secret.env"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path tool = Tools.require("build deploy/kubernetes with Kustomize", "kustomize", "kubectl");
    List<String> command = tool.getFileName().toString().equals("kustomize")
        ? List.of(tool.toString(), "build", dir.toString())
        : List.of(tool.toString(), "kustomize", dir.toString());
    Result result = Tools.run(Duration.ofMinutes(2), command);
    assertThat(result.code()).as(result.output()).isZero();
    return result.output();
  }

  private static Result validate(Path file) throws IOException {
    Path node = Tools.require("validate Kubernetes objects (kubernetes-models)", "node");
    if (!Files.isDirectory(Tools.INSTALLED.resolve("node_modules/kubernetes-models"))) {
      Tools.missing("kubernetes-models is not installed in " + Tools.INSTALLED + ": run `bash .ci/run` once.");
    }
    Path script = Tools.INSTALLED.resolve("validate-kubernetes.mjs");
    Files.copy(VALIDATOR, script, StandardCopyOption.REPLACE_EXISTING);
    return Tools.run(Duration.ofMinutes(2), List.of(node.toString(), script.toAbsolutePath().toString(),
        file.toAbsolutePath().toString()));
  }
}
