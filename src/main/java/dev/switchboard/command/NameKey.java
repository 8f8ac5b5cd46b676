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

  private NameKey() {}

  /** The comparable form of {@code name}; null is the empty string. */
  public static String of(String name) {
    if (name == null) return "";
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
    s = INVISIBLE.matcher(s).replaceAll("");
    // Java has no full case fold: upper then lower case reaches it for what names hold (ß -> SS -> ss,
    // final sigma -> Σ -> σ); NFKC again composes anything the case mapping decomposed.
    s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** Whether two names are the same name once both are in this form. */
  public static boolean same(String a, String b) {
    return of(a).equals(of(b));
  }
}
