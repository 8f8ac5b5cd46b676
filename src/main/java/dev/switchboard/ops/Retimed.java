package dev.switchboard.ops;

import dev.switchboard.command.Command;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * An intercept change's line with another time: "intercept on at HQ for 1h with voicemail" and "for 2 hours" give
 * "intercept on at HQ with voicemail for 2 hours". The old time is found by reading, not by its words: the shortest
 * run of words whose removal leaves the same change without a time.
 */
final class Retimed {

  /** Lines longer than this are not searched (the search reads the line once per run of words). */
  private static final int MOST_WORDS = 30;

  private Retimed() {}

  /**
   * The line of {@code line}'s change with {@code timing} instead of its own; a line whose reading is a problem (the
   * new time is unclear, "until 7") is returned too, for its problem to be said. Empty when the line is no intercept
   * change, or its time cannot be told from the rest.
   */
  static Optional<String> line(String line, String timing, Function<String, Command> parse) {
    if (!(parse.apply(line) instanceof Command.InterceptChange change)) return Optional.empty();
    Optional<String> untimed = change.timing() == null ? Optional.of(line) : withoutTime(line, change, parse);
    if (untimed.isEmpty()) return Optional.empty();
    String retimed = untimed.get() + " " + timing;
    Command read = parse.apply(retimed);
    if (read instanceof Command.Invalid) return Optional.of(retimed);
    return read instanceof Command.InterceptChange again && again.timing() != null
        && again.enable() == change.enable() && again.target().equals(change.target())
        && again.options().equals(change.options()) && java.util.Objects.equals(again.preset(), change.preset())
        ? Optional.of(retimed) : Optional.empty();
  }

  private static Optional<String> withoutTime(String line, Command.InterceptChange change,
      Function<String, Command> parse) {
    String[] words = line.strip().split("\\s+");
    if (words.length > MOST_WORDS) return Optional.empty();
    Command untimed = new Command.InterceptChange(change.enable(), change.target(), change.options(), change.preset(),
        null);
    for (int length = 1; length < words.length; length++) {
      for (int from = 1; from + length <= words.length; from++) {
        String candidate = String.join(" ", Arrays.copyOfRange(words, 0, from)) + suffix(words, from + length);
        if (untimed.equals(parse.apply(candidate))) return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String suffix(String[] words, int from) {
    return from >= words.length ? "" : " " + String.join(" ", Arrays.copyOfRange(words, from, words.length));
  }
}
