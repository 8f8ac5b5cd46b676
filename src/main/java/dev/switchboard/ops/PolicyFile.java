package dev.switchboard.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the policy file (YAML); a file that cannot be read or understood is a start-up error. */
public final class PolicyFile {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PolicyFile() {}

  public static Policy read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the policy file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses policy YAML; an empty document grants nothing. */
  public static Policy parse(String yaml) {
    if (yaml.isBlank()) return Policy.empty();
    try {
      Policy policy = YAML.readValue(yaml, Policy.class);
      return policy == null ? Policy.empty() : policy;
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      // our own check in Policy's constructor: its message already says what to fix
      throw new IllegalArgumentException("The policy file is not valid: " + e.getCause().getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The policy file is not valid: " + e.getOriginalMessage()
          + " (expected keys: locationAdmins, onCall, helpDesk, presets, externalAdmins, contact; externalAdmins roles: full, user, read-only)", e);
    }
  }
}
