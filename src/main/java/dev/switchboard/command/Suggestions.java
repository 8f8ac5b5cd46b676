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
      int d = distance(word, candidate);
      if (d <= reach && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
