package dev.switchboard.command;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines that only make sense after the one before: "same for Denver", "do the same at Austin", "what about HQ?",
 * "Austin too", "and Denver?", "what about bob?". Each is {@link Command.Again}: the asker's last command about one
 * location or one person, about this one.
 */
final class FollowUps {

  private static final Pattern SAME = Pattern.compile(
      "(?i)^(?:(?:please\\s+)?do\\s+)?(?:the\\s+)?same(?:\\s+thing)?(?:\\s+again)?\\s+(?:for|at|in|with|on|@|to)\\s+"
          + "(.+?)(?:\\s+(?:too|as well|please))?$");
  /**
   * "ditto for Bangalore", "now do Austin", "I meant Austin", "sorry, I meant HQ-East", "not Denver, Austin". Not "do I
   * have access?", "do you know ...", "do nothing", "do the opposite": a question or no place, once run again at a
   * place named "I have access".
   */
  private static final Pattern DITTO = Pattern.compile(
      "(?i)^(?:ditto|likewise|same)\\s+(?:for|at|in|with|on|@)\\s+(.+)$|^(?:now\\s+)?do\\s+(?:it\\s+(?:for|at|in)\\s+|(?!it\\b|that\\b|this\\b|so\\b"
          + "|i\\b|you\\b|u\\b|we\\b|they\\b|not\\b|nothing\\b|anything\\b|the\\s+(?:opposite|reverse)\\b))(.+)$"
          + "|^(?:(?:sorry|oops|no|wait)[,\\s]+)?i\\s+meant\\s+(?:to\\s+say\\s+)?(.+)$"
          + "|^make\\s+(?:it|that)\\s+(.+)$"
          + "|^not\\s+[^,]+,\\s*(?:but\\s+)?(.+)$|^wrong\\s+(?:site|location|office|person)[,\\s]+(?:should\\s+be\\s+|i\\s+meant\\s+)?(.+)$");
  /** "make it 2 hours", "actually, make that until 6pm", "change it to 3h", "for 90 minutes instead": another time. */
  private static final Pattern RETIME = Pattern.compile(
      "(?i)^(?:(?:actually|no|sorry|wait|oops|hmm)[,\\s]+)*(?:(?:make|change)\\s+(?:it|that|the\\s+time)\\s+(?:to\\s+)?"
          + "|(?=(?:for|until|till|til)\\s))(.+?)(?:\\s+(?:instead|please))?$");
  private static final Pattern MORE = Pattern.compile("(?i)\\b(?:more|another|extra|further|longer|additional)\\b");
  private static final java.util.Set<String> UNTIL = java.util.Set.of("until", "till", "til", "through", "thru");
  private static final Pattern ABOUT = Pattern.compile("(?i)^(?:what|how)\\s+about\\s+(?:at\\s+|in\\s+)?(.+)$");
  /** Said around a bare place: "Austin too", "Denver as well", "also HQ", "and Austin?", "now Denver". */
  private static final Pattern TOO = Pattern.compile(
      "(?i)^(?:.*\\s)?(?:too|as well)[.!?]*$|^(?:also|and|now|plus)[,\\s].*$");
  private static final Pattern NOT_A_PLACE = Pattern.compile("[0-9@:=/]|\\s(?:to|for|by|until|from)\\s");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}'-]+");
  private static final int MOST_WORDS = 4;
  private static final Pattern LEADING = Pattern.compile("(?i)^(?:(?:now|then|and|also|plus|ok|okay)[,\\s]+)+");
  /** "me too", "that as well": no place or person to put in. */
  private static final java.util.Set<String> NO_NAME = java.util.Set.of("me", "it", "that", "this", "them", "us",
      "you", "i", "we", "there", "here", "everyone", "so", "quick", "fast", "happen", "stop", "snappy", "now", "it now",
      "on", "off"); // "now on", "and off": a switch with no place, not a place called "on"

  private FollowUps() {}

  /**
   * The follow-up {@code said} is, or null. {@code typed} is the line before the words around it were taken off
   * ({@code said} is "Austin" for "Austin too"); {@code commandWord} tells a command's word from a place's.
   */
  static Command parse(String typed, Utterance said, Predicate<String> commandWord) {
    String text = said.text();
    Command retime = retime(text);
    if (retime != null) return retime;
    Matcher m = SAME.matcher(text);
    if (m.matches()) return again(m.group(1), commandWord);
    m = ABOUT.matcher(text);
    if (m.matches()) return again(m.group(1), commandWord);
    m = DITTO.matcher(text);
    if (m.matches()) {
      Command again = again(Groups.first(m), commandWord);
      // "I meant Austin", "make it Austin", "not Denver, Austin", "wrong site, Austin": instead, not as well
      boolean instead = m.group(3) != null || m.group(4) != null || m.group(5) != null || m.group(6) != null;
      return instead && again instanceof Command.Again follow ? new Command.Again(follow.name(), true) : again;
    }
    if (TOO.matcher(typed.strip()).matches()) return again(text, commandWord);
    return null;
  }

  /**
   * "make it 2 hours": the time alone, as the grammar reads it after a change ("for 2 hours", "until 6pm"); null when
   * the words are no time, or say more than one.
   */
  private static Command retime(String text) {
    Matcher m = RETIME.matcher(text);
    if (!m.matches()) return null;
    String words = m.group(1).strip();
    List<Token> tokens = Token.split(words);
    if (tokens.isEmpty() || MORE.matcher(words).find()) return null; // "make it 2 more hours" extends the plan
    if (tokens.get(0).in(UNTIL) || tokens.get(0).is("for")) {
      // "until 6pm" alone: read as a change's time, with nothing else left over
      TimeGrammar.Extracted read = TimeGrammar.extract(tokens);
      return read.problem() == null && read.timing() != null && read.rest().isEmpty() && read.preset() == null
          ? new Command.Retime(words) : null;
    }
    if (TimeGrammar.span(tokens) != null) return new Command.Retime("for " + words); // "make it 2 hours"
    Timing.Moment.At at;
    try {
      at = TimeGrammar.time(tokens);
    } catch (TimeReader.Problem unclear) {
      // "make it 7": a clock the change's own reading asks am or pm about; "make it Austin" is a place
      return Character.isDigit(words.charAt(0)) ? new Command.Retime("until " + words) : null;
    }
    return at != null ? new Command.Retime("until " + words) : null; // "make it 6pm"
  }

  /** The place or person, when it is one: a few words, none of them a command's, no number, no time. */
  private static Command again(String place, Predicate<String> commandWord) {
    String name = LEADING.matcher(place.strip()).replaceFirst("").strip();
    if (EMAIL.matcher(name).matches()) return new Command.Again(name); // "same for bob@example.com"
    if (name.isEmpty() || NOT_A_PLACE.matcher(" " + name + " ").find()) return null;
    String[] words = name.split("\\s+");
    if (words.length > MOST_WORDS || NO_NAME.contains(name.toLowerCase(Locale.ROOT))) return null;
    if (words.length == 1 && TimeWords.namesTime(new Token(name, name.toLowerCase(Locale.ROOT), false))) {
      return null; // "what about tomorrow?"
    }
    for (String word : words) {
      String low = word.toLowerCase(Locale.ROOT);
      if (WORD.matcher(low).matches() && commandWord.test(low) && !low.equals("all")) return null;
    }
    return new Command.Again(name);
  }
}
