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
  private static final char ONE_DOT_LEADER = '\u2024';
  private static final char MODIFIER_COLON = '\uA789';
  private static final Pattern WWW = Pattern.compile("(?i)\\b(www)\\.");
  private static final Pattern SCHEME = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*):(?=//)");
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
    StringBuilder holed = new StringBuilder(text.length());
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
        // A hole marker in the text itself is dropped here, so every hole in the markup is one of ours.
        if (c != HOLE_START && c != HOLE_END) holed.append(c);
        i++;
      }
    }
    String marked = markup.apply(keepHoles(holed.toString()));
    // No literal, no hole (the text's own hole markers were dropped above): nothing to fill in.
    if (literals.isEmpty()) return marked;
    Matcher m = HOLE.matcher(marked);
    StringBuilder out = new StringBuilder(marked.length() + 16 * literals.size());
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
    if (plainly(holed)) return holed;
    StringBuilder out = new StringBuilder();
    int from = 0;
    Matcher m = HOLE.matcher(holed);
    while (m.find()) {
      out.append(UNSAFE_MARKUP.matcher(holed.substring(from, m.start())).replaceAll("")).append(m.group());
      from = m.end();
    }
    return out.append(UNSAFE_MARKUP.matcher(holed.substring(from)).replaceAll("")).toString();
  }

  /**
   * The literal with nothing a chat client could turn into a link: every dot between two letters or digits becomes
   * a look-alike ({@code U+2024 ONE DOT LEADER}), so no host name, {@code www.} or email domain is left, and a colon
   * between a letter and anything but a space, or before {@code //}, becomes a look-alike ({@code U+A789}), so no scheme
   * ({@code https:}, {@code mailto:}, {@code tel:}) is left. Webex and Slack link bare URLs and domains on
   * their own, whatever the markup says, so escaping is not enough. NFKC turns {@code U+2024} back into a dot, so an
   * address copied from a reply into a command still works; times ({@code 17:00}) and sentences are untouched.
   * Idempotent.
   */
  public static String unlinked(String literal) {
    StringBuilder out = null;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      char replacement = c == '.' && between(literal, i, true) ? ONE_DOT_LEADER
          : c == ':' && between(literal, i, false) ? MODIFIER_COLON : c;
      if (replacement != c && out == null) out = new StringBuilder(literal.length()).append(literal, 0, i);
      if (out != null) out.append(replacement);
    }
    return out == null ? literal : out.toString();
  }

  /**
   * The reply's own markup without a scheme or {@code www.} that could make a link of it (its dots and times kept:
   * the reply's own words name no host).
   */
  public static String unlinkedMarkup(String markup) {
    // A scheme needs "://" and a bare host "www.": most replies have neither, and need no pattern run over them.
    if (markup.indexOf("://") < 0 && !hasWww(markup)) return markup;
    // www. first: a scheme's letters may take dots ("www.://"), and would carry one past a single pattern.
    String unlinkedWww = WWW.matcher(markup).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ONE_DOT_LEADER));
    return SCHEME.matcher(unlinkedWww).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MODIFIER_COLON));
  }

  private static boolean hasWww(String s) {
    for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
      if (i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3)) return true;
    }
    return false;
  }

  /**
   * Whether the markup is certainly free of what {@link #keepHoles} drops: every character printable ASCII, a line
   * break, a hole marker, or a letter, mark, number, punctuation or symbol of the Basic Multilingual Plane. Anything
   * else (a surrogate pair among them: an emoji is safe, a lone surrogate is not) goes through the pattern.
   */
  private static boolean plainly(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= ' ' && c <= '~') || c == '\n' || c == HOLE_START || c == HOLE_END) continue;
      if (c < '\u00A0' || c == '\u2028' || c == '\u2029') return false;
      int type = Character.getType(c);
      if (type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.SURROGATE
          || type == Character.CONTROL || type == Character.UNASSIGNED) {
        return false;
      }
    }
    return true;
  }

  /** For a dot: letters or digits on both sides; for a colon: a letter before, and no space after. */
  private static boolean between(String s, int i, boolean dot) {
    if (i == 0 || i + 1 >= s.length()) return false;
    int before = s.codePointBefore(i);
    int after = s.codePointAt(i + 1);
    if (dot) return letterOrNumber(before) && letterOrNumber(after);
    // A colon before "//" whatever precedes it: a scheme's letters may end in a dot ("www.://" is one to a linker).
    return Character.isLetter(before) && !Character.isWhitespace(after) || s.startsWith("//", i + 1);
  }

  /** Letters and every kind of number (a linker's host may hold {@code ৴} or {@code Ⅻ}, not only 0-9). */
  private static boolean letterOrNumber(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
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
