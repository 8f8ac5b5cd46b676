package dev.switchboard.command;

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
  /** "ditto for Bangalore", "now do Austin", "I meant Austin", "sorry, I meant HQ-East", "not Denver, Austin". */
  private static final Pattern DITTO = Pattern.compile(
      "(?i)^(?:ditto|likewise|same)\\s+(?:for|at|in|with|on|@)\\s+(.+)$|^(?:now\\s+)?do\\s+(?:it\\s+(?:for|at|in)\\s+|(?!it\\b|that\\b|this\\b|so\\b))(.+)$"
          + "|^(?:(?:sorry|oops|no|wait)[,\\s]+)?i\\s+meant\\s+(?:to\\s+say\\s+)?(.+)$"
          + "|^make\\s+(?:it|that)\\s+(.+)$"
          + "|^not\\s+[^,]+,\\s*(?:but\\s+)?(.+)$|^wrong\\s+(?:site|location|office|person)[,\\s]+(?:should\\s+be\\s+|i\\s+meant\\s+)?(.+)$");
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
      "you", "i", "we", "there", "here", "everyone", "so", "quick", "fast", "happen", "stop", "snappy", "now", "it now");

  private FollowUps() {}

  /**
   * The follow-up {@code said} is, or null. {@code typed} is the line before the words around it were taken off
   * ({@code said} is "Austin" for "Austin too"); {@code commandWord} tells a command's word from a place's.
   */
  static Command parse(String typed, Utterance said, Predicate<String> commandWord) {
    String text = said.text();
    Matcher m = SAME.matcher(text);
    if (m.matches()) return again(m.group(1), commandWord);
    m = ABOUT.matcher(text);
    if (m.matches()) return again(m.group(1), commandWord);
    m = DITTO.matcher(text);
    if (m.matches()) return again(Groups.first(m), commandWord);
    if (TOO.matcher(typed.strip()).matches()) return again(text, commandWord);
    return null;
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
