package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A word of a chat line: as typed, lower-cased, and whether it was quoted (a quoted word is never a keyword). */
record Token(String raw, String low, boolean quoted) {

  static final Token COMMA = new Token(",", ",", false);

  /** Splits on spaces; commas and semicolons are tokens of their own; "double quoted words" stay one token. */
  static List<Token> split(String text) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close > i) {
          flush(word, tokens);
          String inside = text.substring(i + 1, close).strip();
          if (!inside.isEmpty()) {
            tokens.add(new Token(inside, inside.toLowerCase(Locale.ROOT), true));
          }
          i = close + 1;
          continue;
        }
        i++;
        continue;
      }
      if (c == ',' || c == ';') {
        flush(word, tokens);
        tokens.add(COMMA);
      } else if (Character.isWhitespace(c)) {
        flush(word, tokens);
      } else {
        word.append(c);
      }
      i++;
    }
    flush(word, tokens);
    return tokens;
  }

  private static void flush(StringBuilder word, List<Token> tokens) {
    if (word.length() > 0) {
      String raw = word.toString();
      tokens.add(new Token(raw, raw.toLowerCase(Locale.ROOT), false));
      word.setLength(0);
    }
  }

  /** Whether this unquoted word is one of {@code words}. */
  boolean is(String... words) {
    if (quoted) {
      return false;
    }
    for (String w : words) {
      if (low.equals(w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this unquoted word is in {@code words}. */
  boolean in(java.util.Set<String> words) {
    return !quoted && words.contains(low);
  }

  static String join(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    for (Token t : tokens) {
      if (t == COMMA || (!t.quoted && t.raw.equals(","))) {
        out.append(',');
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(t.raw);
    }
    return out.toString();
  }
}
