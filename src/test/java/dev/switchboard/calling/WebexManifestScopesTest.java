package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The admin app in {@code manifest/webex/switchboard.yaml} lists exactly the scopes that the client's admin
 * operations need: one missing means a 403 in production, one extra means asking an admin for more than we use.
 */
final class WebexManifestScopesTest {

  @Test
  void adminScopes_areExactlyThoseTheAdminOperationsNeed() throws IOException {
    assertThat(listedAdminScopes()).isEqualTo(neededAdminScopes());
  }

  @Test
  void everyAdminOperation_isCoveredByAListedScope() throws IOException {
    Set<String> listed = listedAdminScopes();
    for (WebexOperation operation : WebexOperation.values()) {
      if (operation.identity() != Identity.ADMIN || operation.scope().isEmpty()) continue;
      assertThat(listed).as("scope for %s", operation).contains(operation.scope());
    }
  }

  @Test
  void manifest_namesTheBotAndAServiceApp() throws IOException {
    JsonNode manifest = manifest();
    assertThat(manifest.path("bot").path("name").asText()).isEqualTo("Switchboard");
    assertThat(manifest.path("bot").path("username").asText()).isNotBlank();
    assertThat(manifest.path("adminApp").path("kind").asText()).isEqualTo("service-app");
  }

  private static Set<String> neededAdminScopes() {
    Set<String> needed = new TreeSet<>();
    Arrays.stream(WebexOperation.values())
        .filter(op -> op.identity() == Identity.ADMIN && !op.scope().isEmpty())
        .forEach(op -> needed.add(op.scope()));
    return needed;
  }

  private static Set<String> listedAdminScopes() throws IOException {
    Set<String> listed = new TreeSet<>();
    manifest().path("adminApp").path("scopes").forEach(scope -> listed.add(scope.asText()));
    assertThat(listed).as("adminApp.scopes").isNotEmpty();
    return listed;
  }

  /** The manifest as packaged into the jar, where {@code webhooks register} reads it too. */
  private static JsonNode manifest() throws IOException {
    try (InputStream in = WebexManifestScopesTest.class.getResourceAsStream("/manifest/webex/switchboard.yaml")) {
      assertThat(in).as("manifest/webex/switchboard.yaml on the class path").isNotNull();
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }
}
