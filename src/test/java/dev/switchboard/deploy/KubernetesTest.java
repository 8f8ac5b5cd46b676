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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes: Kustomize builds the default (two replicas on PostgreSQL) and the file-store overlay (one
 * replica on a volume), every object either yields validates (strictly) against the Kubernetes schemas, and the
 * objects say what the issues ask: two replicas rolling one at a time with a disruption budget, readiness on the
 * database, the database's credentials from a Secret; probes, limits and a locked-down pod in both.
 */
final class KubernetesTest {

  private static final Path FOLDER = DEPLOY.resolve("kubernetes");
  private static final Path VALIDATOR = Path.of("src/test/node/validate-kubernetes.mjs");

  @TempDir
  Path scratch;

  @Test
  void kustomizeBuild_yieldsTheObjects_withGeneratedNamesWiredIn() {
    List<JsonNode> objects = DeployFiles.documents(build("."));
    List<String> kinds = objects.stream().map(o -> o.path("kind").asText()).toList();
    assertThat(kinds).containsExactlyInAnyOrder("Namespace", "ServiceAccount", "Deployment", "Service", "Service",
        "StatefulSet", "PodDisruptionBudget", "ConfigMap", "ConfigMap", "Secret", "Secret");
    objects.stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
        .forEach(o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("switchboard"));

    JsonNode pod = only(objects, "Deployment", "switchboard").path("spec").path("template").path("spec");
    String secret = generated(objects, "Secret", "switchboard-secrets-");
    assertThat(pod.path("containers").get(0).path("envFrom").findValuesAsText("name")).contains(secret);
    assertThat(pod.path("containers").get(0).path("image").asText()).isEqualTo("registry.example.com/switchboard:0.1.0");
    assertThat(pod.path("volumes").findValuesAsText("name")).anyMatch(n -> n.startsWith("switchboard-policy-"));
  }

  @Test
  void theDefault_isTwoReplicasRollingOneAtATime_withADisruptionBudget_andReadinessOnTheDatabase() {
    List<JsonNode> objects = DeployFiles.documents(build("."));
    JsonNode deployment = only(objects, "Deployment", "switchboard");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
    assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1)).isZero();
    assertThat(deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt()).isEqualTo(1);
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

    JsonNode budget = only(objects, "PodDisruptionBudget", "switchboard");
    assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
    assertThat(selects(budget.at("/spec/selector/matchLabels"), podLabels)).as("the budget covers the pods").isTrue();
    JsonNode postgresLabels = only(objects, "StatefulSet", "postgres").at("/spec/template/metadata/labels");
    assertThat(selects(budget.at("/spec/selector/matchLabels"), postgresLabels)).isFalse();
    assertThat(selects(only(objects, "Service", "switchboard").at("/spec/selector"), postgresLabels))
        .as("webhooks never reach the database pod").isFalse();

    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/lifecycle/preStop/sleep/seconds").asInt()).isPositive();
    assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isGreaterThan(30);
    assertThat(deployment.at("/spec/template/spec/volumes").findValuesAsText("claimName"))
        .as("no volume pins a pod to a node").isEmpty();
  }

  @Test
  void theDefault_connectsToThePostgresService_withTheUserAndPasswordFileFromTheDatabaseSecret() {
    List<JsonNode> objects = DeployFiles.documents(build("."));
    String databaseSecret = generated(objects, "Secret", "switchboard-database-");
    JsonNode secretObject = only(objects, "Secret", databaseSecret);
    assertThat(secretObject.path("type").asText()).isEqualTo("kubernetes.io/basic-auth");
    assertThat(secretObject.path("data").fieldNames()).toIterable().containsExactlyInAnyOrder("username", "password");

    JsonNode pod = only(objects, "Deployment", "switchboard").at("/spec/template/spec");
    Map<String, JsonNode> env = env(pod.at("/containers/0"));
    assertThat(env).containsKeys("SWITCHBOARD_DATABASE_URL", "SWITCHBOARD_DATABASE_USER",
        "SWITCHBOARD_DATABASE_PASSWORD_FILE").doesNotContainKey("SWITCHBOARD_DATABASE_PASSWORD");
    JsonNode postgres = only(objects, "Service", "postgres");
    assertThat(env.get("SWITCHBOARD_DATABASE_URL").path("value").asText()).isEqualTo("jdbc:postgresql://"
        + postgres.at("/metadata/name").asText() + ":" + postgres.at("/spec/ports/0/port").asInt() + "/switchboard");
    assertThat(env.get("SWITCHBOARD_DATABASE_USER").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(databaseSecret);
    assertThat(env.get("SWITCHBOARD_DATABASE_USER").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("username");

    // The password file is the "password" key of a volume from that Secret, mounted where the variable says.
    String file = env.get("SWITCHBOARD_DATABASE_PASSWORD_FILE").path("value").asText();
    JsonNode volume = null;
    for (JsonNode v : pod.path("volumes")) if (databaseSecret.equals(v.at("/secret/secretName").asText())) volume = v;
    assertThat(volume).as("a volume of the database Secret").isNotNull();
    String volumeName = volume.path("name").asText();
    String mount = null;
    for (JsonNode m : pod.at("/containers/0/volumeMounts")) {
      if (m.path("name").asText().equals(volumeName)) mount = m.path("mountPath").asText();
    }
    assertThat(file).isEqualTo(mount + "/" + volume.at("/secret/items/0/path").asText());
    assertThat(volume.at("/secret/items/0/key").asText()).isEqualTo("password");

    // The example database makes that user, from the same Secret, and passes the namespace's restricted standard.
    JsonNode db = only(objects, "StatefulSet", "postgres").at("/spec/template/spec");
    Map<String, JsonNode> dbEnv = env(db.at("/containers/0"));
    assertThat(dbEnv.get("POSTGRES_USER").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(databaseSecret);
    assertThat(dbEnv.get("POSTGRES_PASSWORD").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
    assertThat(dbEnv.get("POSTGRES_DB").path("value").asText()).isEqualTo("switchboard");
    assertThat(db.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(db.at("/containers/0/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(db.at("/containers/0/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(db.at("/containers/0/image").asText()).matches("postgres:\\d+\\.\\d+");
  }

  @Test
  void theFileStoreOverlay_isOneRecreatedReplicaOnAVolume_withNoDatabase() {
    List<JsonNode> objects = DeployFiles.documents(build("file-store"));
    assertThat(objects.stream().map(o -> o.path("kind").asText())).containsExactlyInAnyOrder("Namespace",
        "ServiceAccount", "PersistentVolumeClaim", "Deployment", "Service", "ConfigMap", "ConfigMap", "Secret");
    JsonNode deployment = only(objects, "Deployment", "switchboard");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    assertThat(deployment.at("/spec/strategy/rollingUpdate").isMissingNode()).isTrue();
    JsonNode data = null;
    for (JsonNode v : deployment.at("/spec/template/spec/volumes")) if (v.path("name").asText().equals("data")) data = v;
    assertThat(data.at("/persistentVolumeClaim/claimName").asText())
        .isEqualTo(only(objects, "PersistentVolumeClaim", "switchboard-data").at("/metadata/name").asText());
    assertThat(data.has("emptyDir")).isFalse();
    assertThat(env(deployment.at("/spec/template/spec/containers/0")).keySet()).noneMatch(k -> k.contains("DATABASE"));
    assertThat(DeployFiles.read(FOLDER.resolve("file-store/one-replica.yaml"))).contains("ReadWriteOnce");
  }

  @Test
  void everyObject_validatesStrictlyAgainstTheKubernetesSchemas() throws IOException {
    Path built = scratch.resolve("built.yaml");
    Files.writeString(built, build("."));
    Result result = validate(built);
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output()).contains("11 object(s) valid");
    Path fileStore = scratch.resolve("file-store.yaml");
    Files.writeString(fileStore, build("file-store"));
    result = validate(fileStore);
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
  void deployment_hasProbesLimitsAndALockedDownPod() {
    JsonNode deployment = DeployFiles.yaml(FOLDER.resolve("base/deployment.yaml"));
    assertThat(deployment.path("spec").has("replicas")).as("the overlays say how many").isFalse();
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
    assertThat(DeployFiles.yaml(FOLDER.resolve("base/serviceaccount.yaml")).path("automountServiceAccountToken")
        .asBoolean(true)).isFalse();
  }

  @Test
  void policyExamples_grantLeoAustinAndDenver_omarOnCall_hanaHelpDesk_andNothingElse() {
    List<String> demoLocations = DemoOrg.load(0).locationNames();
    for (Path example : List.of(FOLDER.resolve("base/policy.yaml"), DEPLOY.resolve("compose/policy.yaml"))) {
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

  /** `kustomize build` of {@code overlay} in a copy of the folder, with the credentials made from their examples. */
  private String build(String overlay) {
    Path dir = DeployFiles.copy(FOLDER, scratch.resolve("kubernetes-" + System.nanoTime()));
    try {
      Files.copy(dir.resolve("base/secret.env.example"), dir.resolve("base/secret.env"),
          StandardCopyOption.REPLACE_EXISTING);
      Files.copy(dir.resolve("database.env.example"), dir.resolve("database.env"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path target = dir.resolve(overlay).normalize();
    Path tool = Tools.require("build deploy/kubernetes with Kustomize", "kustomize", "kubectl");
    List<String> command = tool.getFileName().toString().equals("kustomize")
        ? List.of(tool.toString(), "build", target.toString())
        : List.of(tool.toString(), "kustomize", target.toString());
    Result result = Tools.run(Duration.ofMinutes(2), command);
    assertThat(result.code()).as(result.output()).isZero();
    return result.output();
  }

  /** The one object of this kind and name. */
  private static JsonNode only(List<JsonNode> objects, String kind, String name) {
    List<JsonNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)
        && o.at("/metadata/name").asText().equals(name)).toList();
    assertThat(found).as(kind + " " + name).hasSize(1);
    return found.get(0);
  }

  /** The name a generator gave the one object of this kind whose name starts with {@code prefix}. */
  private static String generated(List<JsonNode> objects, String kind, String prefix) {
    List<String> names = objects.stream().filter(o -> o.path("kind").asText().equals(kind))
        .map(o -> o.at("/metadata/name").asText()).filter(n -> n.startsWith(prefix)).toList();
    assertThat(names).as(kind + " " + prefix + "*").hasSize(1);
    return names.get(0);
  }

  /** A container's env entries by name. */
  private static Map<String, JsonNode> env(JsonNode container) {
    Map<String, JsonNode> env = new TreeMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
    return env;
  }

  /** Whether a label selector (matchLabels or a Service's selector) selects a pod with these labels. */
  private static boolean selects(JsonNode selector, JsonNode labels) {
    assertThat(selector.size()).as("an empty selector selects everything").isPositive();
    Iterator<Map.Entry<String, JsonNode>> fields = selector.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!f.getValue().asText().equals(labels.path(f.getKey()).asText(null))) return false;
    }
    return true;
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
