package dev.switchboard.chat.webex;

import dev.switchboard.chat.Literal;

/**
 * Escaping for Webex markdown (and Adaptive Card text, which Webex renders with the same rules): a literal is
 * backslash-escaped so nothing in it is a link, a mention ({@code <@all>}, {@code <@personEmail:…>}), HTML or
 * formatting; inside a code span, where backslashes show, the few characters that could still act are replaced
 * by look-alikes. Webex clients also link bare URLs and domains, which no escape prevents, so a literal's host
 * dots and scheme colons become look-alikes too ({@link Literal#unlinked}). The reply's own markup keeps its bold
 * and code, but never a link, a mention or HTML: those are
 * escaped wherever they come from, so an echo that was not marked literal is still inert.
 *
 * @see <a href="https://developer.webex.com/docs/basics#formatting-messages">Formatting messages</a>
 */
public final class WebexMarkdown {

  /** Characters that start markdown, HTML or a mention. */
  static final String ACTIVE = "\\`*_~[]()<>#!|&{}";
  /** What the reply's own markup may not use outside code: links, HTML and mentions. */
  private static final String LINKS = "[]<>";

  private WebexMarkdown() {}

  /** Reply text for Webex: markup as is (without links, HTML, mentions), literals escaped. */
  public static String text(String text) {
    return Literal.render(text, WebexMarkdown::neutralize, WebexMarkdown::literal);
  }

  /**
   * Adaptive Card text: as {@link #text}, except that cards know no code spans (Webex shows the backticks), so a
   * code span becomes bold, a literal is escaped wherever it sits and the markup loses its links, HTML and mentions.
   */
  public static String card(String text) {
    return Literal.render(text, markup -> escape(Literal.unlinkedMarkup(markup.replace("`", "**")), LINKS, false),
        (literal, inCode) -> escape(Literal.unlinked(literal)));
  }

  static String literal(String literal, boolean inCode) {
    // Unlinked after the look-alikes: a backtick's look-alike is a letter, and may stand next to a dot.
    return inCode ? Literal.unlinked(inCode(literal)) : escape(Literal.unlinked(literal));
  }

  /**
   * Every active character not already escaped gets a backslash, and so does a lone backslash (which could
   * otherwise escape the markup that follows the literal). Idempotent: a backslash followed by an active
   * character (or a backslash) is an escape already and is kept as it is.
   */
  public static String escape(String text) {
    return escape(text, ACTIVE, true);
  }

  private static String escape(String text, String active, boolean literal) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && ACTIVE.indexOf(text.charAt(i + 1)) >= 0) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '\\' ? literal : active.indexOf(c) >= 0) out.append('\\');
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Inside a code span nothing is markdown, but a backtick ends the span and Webex reads mentions anywhere. */
  static String inCode(String text) {
    return text.replace('`', '\u02CB').replace('<', '\u2039').replace('>', '\u203A');
  }

  /** The reply's own markup, outside code spans, with {@code [ ] < >} escaped, and no scheme or {@code www.}. */
  static String neutralize(String reply) {
    String markup = Literal.unlinkedMarkup(reply);
    StringBuilder out = new StringBuilder(markup.length());
    boolean code = false;
    int from = 0;
    for (int i = 0; i <= markup.length(); i++) {
      if (i == markup.length() || markup.charAt(i) == '`') {
        String part = markup.substring(from, i);
        out.append(code ? inCode(part) : escape(part, LINKS, false));
        if (i < markup.length()) out.append('`');
        code = !code;
        from = i + 1;
      }
    }
    return out.toString();
  }
}
