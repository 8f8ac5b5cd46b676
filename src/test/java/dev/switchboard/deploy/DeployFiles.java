package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the files under deploy/ for the tests: YAML documents, env files, copies to scratch folders. */
final class DeployFiles {

  static final Path DEPLOY = Path.of("deploy");
  static final ObjectMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final Pattern ENV_LINE = Pattern.compile("^\\s*(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");

  private DeployFiles() {}

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a multi-document YAML text (kustomize output). */
  static List<JsonNode> documents(String text) {
    try (var parser = new YAMLFactory().createParser(text)) {
      List<JsonNode> docs = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) docs.add(doc);
      });
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The variables an env file sets, name to value. */
  static Map<String, String> envSet(Path file) {
    return env(file, false);
  }

  /** The variables an env file sets or documents in a comment ("# NAME=..."). */
  static Map<String, String> envMentioned(Path file) {
    return env(file, true);
  }

  private static Map<String, String> env(Path file, boolean withComments) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : lines(file)) {
      Matcher m = ENV_LINE.matcher(line);
      if (m.matches() && (withComments || m.group(1) == null)) vars.putIfAbsent(m.group(2), m.group(3));
    }
    return vars;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder (hidden files included) to a scratch place, so a test can add the files a user would. */
  static Path copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) Files.createDirectories(target);
        else Files.copy(source, target);
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
