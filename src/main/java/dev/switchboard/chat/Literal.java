package dev.switchboard.chat;

import dev.switchboard.ops.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders reply text that may hold {@link Reply#literal} spans: the reply's own light markdown goes through the
 * platform's markup conversion, each literal through the platform's escaping — one that knows whether the span
 * sits inside a code span, where escapes are shown raw. Every renderer sends every string through here, so no
 * echo can reach a platform unescaped.
 */
public final class Literal {

  private static final char HOLE_START = '\uE002';
  private static final char HOLE_END = '\uE003';
  private static final Pattern HOLE = Pattern.compile(HOLE_START + "(\\d+)" + HOLE_END);
  private static final Pattern UNSAFE_MARKUP = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cs}\\u2028\\u2029[\\p{Cc}&&[^\\n]]]");

  /** How a platform shows a literal: {@code inCode} when it sits inside a code span of the markup. */
  @FunctionalInterface
  public interface Escaper {
    String escape(String literal, boolean inCode);
  }

  private Literal() {}

  /**
   * The text for a platform: the markup outside literals through {@code markup}, each literal through
   * {@code escaper}; stray markers and control or bidi characters dropped.
   */
  public static String render(String text, UnaryOperator<String> markup, Escaper escaper) {
    List<String> literals = new ArrayList<>();
    StringBuilder holed = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == Reply.LITERAL_START) {
        int end = text.indexOf(Reply.LITERAL_END, i + 1);
        String value = end < 0 ? text.substring(i + 1) : text.substring(i + 1, end);
        holed.append(HOLE_START).append(literals.size()).append(HOLE_END);
        literals.add(Reply.inert(value));
        i = end < 0 ? text.length() : end + 1;
      } else {
        holed.append(c);
        i++;
      }
    }
    String marked = markup.apply(keepHoles(holed.toString()));
    Matcher m = HOLE.matcher(marked);
    StringBuilder out = new StringBuilder();
    int ticks = 0;
    int last = 0;
    while (m.find()) {
      ticks += count(marked, last, m.start(), '`');
      String value = literals.get(Integer.parseInt(m.group(1)));
      out.append(marked, last, m.start()).append(escaper.escape(value, ticks % 2 == 1));
      last = m.end();
    }
    out.append(marked, last, marked.length());
    return out.toString();
  }

  /** The markup without control, bidi or private-use characters (its line breaks kept), the holes kept. */
  private static String keepHoles(String holed) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    Matcher m = HOLE.matcher(holed);
    while (m.find()) {
      out.append(UNSAFE_MARKUP.matcher(holed.substring(from, m.start())).replaceAll("")).append(m.group());
      from = m.end();
    }
    return out.append(UNSAFE_MARKUP.matcher(holed.substring(from)).replaceAll("")).toString();
  }

  /** Literals shown as they are, for platforms without markup (a terminal, a notification). */
  public static String plain(String text, UnaryOperator<String> markup) {
    return render(text, markup, (literal, inCode) -> literal);
  }

  private static int count(String s, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == c) n++;
    return n;
  }
}
