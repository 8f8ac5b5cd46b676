package dev.switchboard.command;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A chat line made plain for parsing: Unicode punctuation folded to ASCII, the leading mention, polite words and
 * trailing punctuation removed; a trailing question mark and a polite request ("can you ...") are remembered.
 */
record Utterance(String text, boolean question, boolean request) {

  private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2032\\u00B4]");
  private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u2033\\u00AB\\u00BB]");
  private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD`*]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
  private static final Pattern SLACK_LINK = Pattern.compile("<(?:mailto|tel):([^>|]+)(?:\\|[^>]*)?>");
  private static final Pattern MAILTO = Pattern.compile("(?i)\\bmailto:");
  private static final Pattern ANY_MENTION = Pattern.compile("^@\\S+[:,]?(?:\\s+|$)");
  /** A quoted line ("> intercept off at HQ", as Slack and Webex quote) or a list item ("- ", "1. "). */
  private static final Pattern QUOTE_OR_BULLET = Pattern.compile("^(?:(?:>|&gt;)+\\s*|(?:[-\u2022]|\\d{1,2}[.)])\\s+)");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!,;:~]+$");
  private static final Pattern TRAILING_QUESTION = Pattern.compile("\\?+$");
  private static final Pattern TRAILING_POLITE = Pattern.compile(
      "(?i)(?:^|[\\s,])(?:please|pls|plz|thanks|thank you|thank you very much|thx|cheers)$");
  /** "... at 7pm instead", "block outgoing too": words that only close a line, never part of a name or an option. */
  private static final Pattern TRAILING_ASIDE = Pattern.compile("(?i)(?:^|[\\s,])(?:instead|too|as well|also)$"
      // "intercept off at HQ, all clear": the reason, after a comma, is no part of the location's name
      + "|\\s*[,;]\\s*(?:all clear|(?:the )?emergency(?:'s| is)? over|(?:the )?storm(?:'s| is| has)? (?:over|passed)"
      + "|we(?:'re| are) clear|back to normal)$"
      // "intercept on at HQ cc @bob": people told of it, after the command
      + "|\\s+(?:cc|fyi)[:,]?\\s+@\\S+(?:[\\s,]+(?:and\\s+)?@\\S+)*$");
  private static final Pattern LEADING_REQUEST = Pattern.compile(
      "(?i)^(?:can|could|would|will) (?:you|u)(?: please)?(?:\\s+|$)"
          + "|^(?:i want to|i'd like to|i would like to|i need to|kindly|please|pls|plz)(?:\\s+|$)"
          // "i'd like intercept on at HQ", "go ahead and turn on intercept at HQ": once "I don't understand `go ahead
          // and` before `intercept`"
          + "|^(?:i'd like|id like to|id like|i would like|go ahead and|(?:i'm |im |we're )?gonna need(?: to)?"
          + "|let's|lets)\\s+(?=\\S)");
  /** "hey, ...", "hi bot ...", "bot: ...": the greeting or address before a command. */
  private static final Pattern LEADING_GREETING = Pattern.compile(
      "(?i)^(?:(?:hey|hi|hello|yo|(?:good\\s+)?(?:morning|afternoon|evening))(?:\\s+(?:bot|there|team|all|everyone"
          + "|folks|guys))?|(?:ok(?:ay)?\\s+)?bot)[,!:]?\\s+(?=\\S)");
  /** ":rotating_light: intercept on at HQ": a Slack emoji code standing alone, no part of a command. */
  private static final Pattern EMOJI_CODE = Pattern.compile("(?<=^|\\s):[a-z0-9_+-]{2,}:(?=\\s|$)");
  private static final Pattern INNER_POLITE = Pattern.compile("(?i)(?<=\\s)(?:please|pls|plz)(?=\\s)");
  /** "ok, intercept off at HQ", "so intercept on at Austin", "sorry intercept off": words that only open a line. */
  private static final Pattern LEADING_DISCOURSE = Pattern.compile(
      "(?i)^(?:ok(?:ay)?|k|yes|yeah|yep|so|right|sorry|alright|um+|uh+|oh|and|also|then|actually|well|oops"
          + "|whoops|hmm+|ah|quick|quickly"
          // "thanks! now turn it off", "great, undo that": thanks for the last reply, then the next command
          + "|thanks|thank\\s+you|thx|ty|great|perfect|cool|nice|awesome|good)"
          + "(?:[,!.:]+|\\s+-)?\\s+(?=\\S)");
  /**
   * "URGENT: intercept HQ", "emergency intercept Austin": the line asks for something to be done, as "please ..."
   * does, so a bare "intercept" in it is the verb.
   */
  private static final Pattern LEADING_URGENCY = Pattern.compile(
      "(?i)^(?:urgent|urgently|asap|emergency|911|sos)(?:[,!.:]+|\\s+-)?\\s+(?=\\S)(?!(?:at|in)\\s)");
  /** "HQ -> intercept on", "intercept => on at HQ": an arrow between words says no more than a space. */
  private static final Pattern ARROW = Pattern.compile("\\s*(?:->|=>|\\u2192|\\u21D2)\\s*");
  /** Emoji: a "🙏" after a location is no part of its name. */
  private static final Pattern EMOJI = Pattern.compile(
      "[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}\\x{20E3}\\x{E0020}-\\x{E007F}]");
  /** A line of only one of these is a yes or a no. */
  private static final Map<String, String> EMOJI_ANSWER = Map.of("\uD83D\uDC4D", "yes", "\u2705", "yes",
      "\uD83D\uDC4C", "yes", "\u2714\uFE0F", "yes", "\u2714", "yes", "\uD83D\uDC4E", "no", "\u274C", "no",
      "\uD83D\uDEAB", "no", "\uD83D\uDED1", "no");
  private static final Pattern SKIN_TONE = Pattern.compile("[\\x{1F3FB}-\\x{1F3FF}]");
  /** A whole line in double quotes, as a command is quoted when pasted from a message or the help. */
  private static final Pattern QUOTED_LINE = Pattern.compile("^\"([^\"]+)\"$");
  /** "_intercept off at HQ_", "~intercept on~": a whole line in Slack's italics or strike, read as the line. */
  private static final Pattern WRAPPED_LINE = Pattern.compile("^[_~]+([^_~]*\\s[^_~]*)[_~]+$");
  /** "intercept:on HQ", "intercept=on", "intercept on: HQ": a colon or equals sign between the command's words. */
  private static final Pattern WORD_SEPARATOR = Pattern.compile(
      "(?i)\\b(intercept|on|off|status|announce|voicemail|zero|outbound|outgoing|inbound|incoming)\\s*[:=]\\s*"
          + "(?=[\\p{L}\\p{N}\"@+(])");
  private static final Pattern POLITE_WORD = Pattern.compile("(?i)(?:please|pls|plz)$");

  /** The mention pattern by bot name: one name per running bot, compiled once instead of per line. */
  private static final Map<String, Pattern> MENTIONS = new ConcurrentHashMap<>();

  static Utterance of(String line, String botName) {
    String s = line == null ? "" : line;
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    s = SINGLE_QUOTES.matcher(s).replaceAll("'");
    s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
    s = DASHES.matcher(s).replaceAll("-");
    s = INVISIBLE.matcher(s).replaceAll("");
    s = EMOJI_ANSWER.getOrDefault(SKIN_TONE.matcher(s).replaceAll("").strip(), s); // a thumbs-up alone answers
    s = EMOJI.matcher(s).replaceAll(" ");
    s = EMOJI_CODE.matcher(s).replaceAll(" ");
    s = SLACK_LINK.matcher(s).replaceAll("$1");
    s = MAILTO.matcher(s).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    s = QUOTE_OR_BULLET.matcher(s).replaceFirst("");
    s = stripMention(s, botName);
    var wrapped = WRAPPED_LINE.matcher(s);
    if (wrapped.matches()) s = wrapped.group(1).strip();
    var quoted = QUOTED_LINE.matcher(s);
    if (quoted.matches() && quoted.group(1).strip().contains(" ")) s = quoted.group(1).strip(); // a command, quoted
    s = WORD_SEPARATOR.matcher(s).replaceAll("$1 ");
    s = ARROW.matcher(s).replaceAll(" ").strip();

    boolean question = false;
    boolean request = false;
    String before;
    do {
      before = s;
      s = TRAILING_PUNCTUATION.matcher(s).replaceAll("");
      if (TRAILING_QUESTION.matcher(s).find()) {
        question = true;
        s = TRAILING_QUESTION.matcher(s).replaceAll("");
      }
      var polite = TRAILING_POLITE.matcher(s);
      if (polite.find()) {
        request |= POLITE_WORD.matcher(polite.group()).find(); // "intercept HQ please": asked for, as "please ..."
        s = s.substring(0, polite.start());
      }
      var aside = TRAILING_ASIDE.matcher(s);
      if (aside.find()) {
        s = s.substring(0, aside.start());
      }
      var greeting = LEADING_GREETING.matcher(s);
      if (greeting.find()) {
        s = s.substring(greeting.end());
      }
      var opener = LEADING_DISCOURSE.matcher(s);
      if (opener.find()) {
        s = s.substring(opener.end());
      }
      var urgency = LEADING_URGENCY.matcher(s);
      if (urgency.find()) {
        request = true;
        s = s.substring(urgency.end());
      }
      var asked = LEADING_REQUEST.matcher(s);
      if (asked.find()) {
        request = true;
        s = s.substring(asked.end());
      }
      s = INNER_POLITE.matcher(s).replaceAll("");
      s = SPACES.matcher(s).replaceAll(" ").strip();
    } while (!s.equals(before));
    return new Utterance(s, question, request);
  }

  private static String stripMention(String s, String botName) {
    if (botName != null && !botName.isBlank()) {
      Pattern bot = MENTIONS.computeIfAbsent(botName.strip(), name -> Pattern.compile(
          "(?i)^(?:(?:hey|hi|hello|ok|okay|yo)[,!]?\\s+)?[@/]?" + Pattern.quote(name) + "(?:[:,!.]|\\s+|$)\\s*"));
      var m = bot.matcher(s);
      if (m.find()) {
        String rest = s.substring(m.end());
        var others = ANY_MENTION.matcher(rest); // "@Switchboard @alice intercept on at HQ": alice is only told
        while (others.find()) {
          rest = rest.substring(others.end());
          others = ANY_MENTION.matcher(rest);
        }
        return rest;
      }
    }
    var m = ANY_MENTION.matcher(s);
    return m.find() ? s.substring(m.end()) : s;
  }

  String lower() {
    return text.toLowerCase(Locale.ROOT);
  }

  /** The text as a user would retype it: with its question mark, if it had one. */
  String asTyped() {
    return question ? text + "?" : text;
  }
}
