package dev.switchboard.chat.slack;

import dev.switchboard.chat.Literal;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's text formatting, both ways. Incoming text arrives escaped ({@code &amp;}) and with links and
 * mentions in angle brackets ({@code <mailto:a@x|a@x>}, {@code <tel:+1214...|...>}, {@code <@U123>}):
 * {@link #unescape} turns it back into what the person typed. Outgoing text is Slack mrkdwn:
 * {@link #mrkdwn} escapes it and converts the reply model's light markdown.
 *
 * @see <a href="https://api.slack.com/reference/surfaces/formatting">Formatting text for app surfaces</a>
 */
public final class SlackText {

  private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");
  private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@([A-Z0-9]+)(?:\\|[^>]*)?>[\\s,:]*");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*([^*\\s](?:[^*\\n]*?[^*\\s])?)\\*(?![*\\w])");
  private static final Pattern CODE = Pattern.compile("`[^`\\n]*`");

  private SlackText() {}

  /**
   * The text as typed: links and mentions unwrapped, then {@code &lt; &gt; &amp;} unescaped. A user
   * mention becomes what {@code userMention} makes of the user id (an email, say); the others their label.
   */
  public static String unescape(String text, UnaryOperator<String> userMention) {
    if (text == null) return "";
    Matcher m = ANGLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(unwrap(m.group(1), userMention)));
    }
    m.appendTail(out);
    // &amp; last, so "&amp;lt;" (a typed "&lt;") stays "&lt;".
    return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String unwrap(String inside, UnaryOperator<String> userMention) {
    int bar = inside.indexOf('|');
    String target = bar < 0 ? inside : inside.substring(0, bar);
    String label = bar < 0 ? null : inside.substring(bar + 1);
    if (target.startsWith("@")) {
      String mentioned = userMention.apply(target.substring(1));
      return mentioned != null ? mentioned : "@" + (label != null ? label : target.substring(1));
    }
    if (target.startsWith("tel:")) return target.substring("tel:".length());
    if (target.startsWith("mailto:")) return label != null ? label : target.substring("mailto:".length());
    if (target.startsWith("#")) return "#" + (label != null ? label : target.substring(1));
    if (target.startsWith("!")) {
      if (label != null) return label;
      String special = target.substring(1);
      return "@" + special.replaceFirst("\\^.*", "");
    }
    return label != null ? label : target;
  }

  /**
   * The text without a leading mention of {@code botUserId}; when the bot's id is not known (null),
   * without any leading user mention — an {@code app_mention} begins with the bot's.
   */
  public static String stripLeadingMention(String text, String botUserId) {
    if (text == null) return "";
    Matcher m = LEADING_MENTION.matcher(text);
    if (m.find() && (botUserId == null || botUserId.equals(m.group(1)))) return text.substring(m.end()).strip();
    return text.strip();
  }

  /** Text for Slack to show literally: {@code & < >} escaped, so nothing in it becomes a link or a mention. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Slack mrkdwn from the reply model's light markdown: escaped, {@code **bold**} as {@code *bold*} and
   * a single-starred {@code *emphasis*} as {@code _emphasis_}; code spans are left as they are.
   */
  public static String mrkdwn(String markdown) {
    return markdown == null ? "" : Literal.render(markdown, SlackText::markup, SlackText::literal);
  }

  /**
   * A literal for Slack: escaped, and its formatting characters replaced by look-alikes (Slack has no backslash
   * escapes), so nothing in it is bold, code, a link or a mention.
   */
  static String literal(String text, boolean inCode) {
    // Slack links bare URLs and domains in mrkdwn by itself: no host dot or scheme colon is left to link (unlinked
    // last, as some look-alikes are letters).
    return Literal.unlinked(escape(text).replace('*', '\u2217').replace('_', '\u02CD').replace('~', '\u223C')
        .replace('`', '\u02CB'));
  }

  private static String markup(String markdown) {
    String escaped = escape(Literal.unlinkedMarkup(markdown));
    if (escaped.indexOf('`') < 0) return emphasis(escaped);
    StringBuilder out = new StringBuilder();
    Matcher code = CODE.matcher(escaped);
    int last = 0;
    while (code.find()) {
      out.append(emphasis(escaped.substring(last, code.start()))).append(code.group());
      last = code.end();
    }
    out.append(emphasis(escaped.substring(last)));
    return out.toString();
  }

  private static String emphasis(String text) {
    if (text.indexOf('*') < 0) return text;
    String italics = ITALIC.matcher(text).replaceAll("_$1_");
    return BOLD.matcher(italics).replaceAll("*$1*");
  }
}
