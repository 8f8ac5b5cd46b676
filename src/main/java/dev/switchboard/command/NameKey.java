package dev.switchboard.command;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one form every name is compared in, on both sides of a match: what a person typed and what Webex or the policy
 * file names (locations, people, aliases). NFKC folds compatibility forms (fullwidth {@code ＨＱ}, the {@code ﬁ}
 * ligature, a no-break space) and composes decomposed letters ({@code Zu\u0308rich} is {@code Zürich}); case is then
 * folded, with {@code ß} as {@code ss}; runs of white space become one space, and the ends are stripped.
 */
public final class NameKey {

  /** White space in any script (the ideographic space too) and the invisible joiners that sneak into names. */
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_./]+");

  private NameKey() {}

  /** A key without its spaces, hyphens, underscores, dots and slashes: "hq east" and "hq-east" are "hqeast". */
  public static String withoutSeparators(String key) {
    return SEPARATORS.matcher(key).replaceAll("");
  }

  /** The comparable form of {@code name}; null is the empty string. */
  public static String of(String name) {
    if (name == null) return "";
    String plain = ofAscii(name);
    return plain != null ? plain : normalized(name);
  }

  /** The form by the normalizer and the patterns, for any name. */
  static String normalized(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
    s = INVISIBLE.matcher(s).replaceAll("");
    // Java has no full case fold: upper then lower case reaches it for what names hold (ß -> SS -> ss,
    // final sigma -> Σ -> σ); NFKC again composes anything the case mapping decomposed.
    s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /**
   * The same form for a name of printable ASCII letters, digits, punctuation and plain spaces, which is what nearly
   * every name is, without the normalizer and the patterns (NFKC and the case fold leave such a name as lower-case
   * ASCII): a location match compares against every location's name, so this runs hundreds of times a command.
   * Null when the name holds anything else.
   */
  private static String ofAscii(String name) {
    int length = name.length();
    int from = 0;
    int to = length;
    while (from < to && name.charAt(from) == ' ') from++;
    while (to > from && name.charAt(to - 1) == ' ') to--;
    StringBuilder out = null;
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = name.charAt(i);
      if (c < ' ' || c > '~') return null;
      boolean keep = true;
      char k = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (c == ' ') {
        keep = !space;
        space = true;
      } else {
        space = false;
      }
      if (out == null && (k != c || !keep)) out = new StringBuilder(to - from).append(name, from, i);
      if (out != null && keep) out.append(k);
    }
    if (out != null) return out.toString();
    return from == 0 && to == length ? name : name.substring(from, to);
  }

  /** Whether two names are the same name once both are in this form. */
  public static boolean same(String a, String b) {
    return of(a).equals(of(b));
  }
}
