package dev.switchboard.command;

import java.util.Collection;
import java.util.Optional;

/** Closeness of words, for "did you mean": optimal string alignment distance (a swap of two letters costs 1). */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code word} within a typo's reach (1 edit for words up to 4 letters, else 2),
   * ignoring words shorter than {@code minLength} and exact matches.
   */
  static Optional<String> closest(String word, Collection<String> candidates, int minLength) {
    if (word.length() < minLength) {
      return Optional.empty();
    }
    int reach = word.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(word) || candidate.length() < minLength) {
        continue;
      }
      int d = EditDistance.of(word, candidate);
      if (d <= reach && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

}
