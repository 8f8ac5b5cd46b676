package dev.switchboard.command;

import java.util.regex.Matcher;

/** The grammars' patterns of several alternatives, each with its own group for what it names. */
final class Groups {

  private Groups() {}

  /** The first group of a match that matched, stripped; null when none did ("history" names no location). */
  static String first(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) return m.group(g).strip();
    }
    return null;
  }
}
