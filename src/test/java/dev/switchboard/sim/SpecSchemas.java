package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official Webex OpenAPI specs (test resources {@code /specs/}), with the corrections of
 * {@code /specs/corrections.json} applied, as JSON Schemas for the responses of each operation.
 * Each spec is registered under its own IRI so {@code $ref: #/components/schemas/...} resolves inside it.
 */
final class SpecSchemas {

  static final String MESSAGING = "webex-messaging.json";
  static final String ADMIN = "webex-admin.json";
  static final String DEVICE = "webex-device.json";
  private static final String BASE = "https://specs.switchboard.test/";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SpecSchemas INSTANCE = new SpecSchemas();

  private final Map<String, ObjectNode> specs = new HashMap<>();
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private SpecSchemas() {
    JsonNode corrections = read("/specs/corrections.json");
    Map<String, String> documents = new HashMap<>();
    for (String name : List.of(MESSAGING, ADMIN, DEVICE)) {
      ObjectNode spec = (ObjectNode) read("/specs/" + name);
      JsonNode fix = corrections.path(name);
      ObjectNode componentSchemas = (ObjectNode) spec.path("components").path("schemas");
      fix.path("schemas").fields().forEachRemaining(e -> componentSchemas.set(e.getKey(), e.getValue()));
      for (JsonNode op : fix.path("operations")) {
        ObjectNode content = (ObjectNode) spec.path("paths").path(op.get("path").asText())
            .path(op.get("method").asText()).path("responses").path(op.get("status").asText())
            .path("content").path("application/json");
        content.putObject("schema").put("$ref", "#/components/schemas/" + op.get("schema").asText());
      }
      specs.put(name, spec);
      documents.put(BASE + name, spec.toString());
    }
    registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), builder -> builder.schemas(documents));
  }

  static SpecSchemas get() {
    return INSTANCE;
  }

  /** The {@code $ref} of an operation's JSON response schema, e.g. {@code #/components/schemas/Message}. */
  String responseRef(String spec, String method, String path, int status) {
    JsonNode schema = specs.get(spec).path("paths").path(path).path(method.toLowerCase())
        .path("responses").path(Integer.toString(status)).path("content").path("application/json").path("schema");
    if (!schema.has("$ref")) {
      throw new IllegalArgumentException("No JSON response schema for " + method + " " + path + " " + status
          + " in " + spec);
    }
    return schema.get("$ref").asText();
  }

  /** Validation errors of a response body against the operation's response schema (empty = valid). */
  List<String> validateResponse(String spec, String method, String path, int status, JsonNode body) {
    String ref = responseRef(spec, method, path, status);
    Schema schema = schemas.computeIfAbsent(spec + ref,
        key -> registry.getSchema(SchemaLocation.of(BASE + spec + ref)));
    return schema.validate(body).stream().map(Error::toString).toList();
  }

  private static JsonNode read(String resource) {
    try (InputStream in = SpecSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
