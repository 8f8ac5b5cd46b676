package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools the deployment checks run (kubectl, docker-compose, systemd-analyze, node): found on PATH or
 * where {@code .ci/run} installs them. A missing tool skips its test on a developer's machine, with the reason;
 * with {@code CI=true} it fails the test instead, so CI cannot go green by skipping.
 */
final class Tools {

  /** Where {@code .ci/run} puts the tools it installs from npm. */
  static final Path INSTALLED = Path.of("target", "deploy-tools");

  private Tools() {}

  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** The first of {@code names} found on PATH or under target/deploy-tools, or the test is skipped (failed in CI). */
  static Path require(String why, String... names) {
    for (String name : names) {
      Optional<Path> found = find(name);
      if (found.isPresent()) return found.get();
    }
    missing(String.join(" or ", names) + " is not installed; it is needed to " + why
        + ". Run `bash .ci/run` once, or install it.");
    return null;
  }

  /** Skips the test (or fails it in CI) for a reason. */
  static void missing(String reason) {
    if (ci()) fail(reason + " (CI=true makes this required)");
    Assumptions.abort(reason);
  }

  static Optional<Path> find(String name) {
    Stream<Path> dirs = Stream.concat(
        Stream.of(INSTALLED.resolve("bin"), INSTALLED.resolve("node_modules/.bin")),
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(s -> !s.isBlank()).map(Path::of));
    return dirs.map(dir -> dir.resolve(name)).filter(Files::isExecutable).map(Path::toAbsolutePath).findFirst();
  }

  /** What a finished command printed (stdout and stderr together) and its exit code. */
  record Result(int code, String output) {}

  static Result run(Duration timeout, Path dir, Map<String, String> env, List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().putAll(env);
      Path log = Files.createTempFile("tool", ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeout + ":\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result run(Duration timeout, List<String> command) {
    return run(timeout, Path.of("").toAbsolutePath(), Map.of(), command);
  }
}
