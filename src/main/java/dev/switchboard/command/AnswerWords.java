package dev.switchboard.command;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The answers to a preview or an offer: yes, no, or a numbered choice, in the words people use for them. */
final class AnswerWords {

  private static final Set<String> CONFIRM = Set.of("yes", "y", "yea", "yess", "yesss", "yeh", "yah", "kk",
      "absolutely", "definitely", "ship it", "yep", "yeah", "yup", "ya", "sure", "confirm",
      "confirmed", "ok", "okay", "k", "go", "go ahead", "do it", "proceed", "yes do it", "yes go ahead", "yes confirm",
      "apply", "confirm it", "ok go", "ok do it", "go for it", "approve", "approved", "yes i'm sure", "yes im sure",
      "sure thing", "yes please do", "please do", "do it now", "go on", "send it", "make it so", "affirmative",
      "that's right", "thats right", "yes that's right", "correct", "yes correct", "yes run it", "run it", "yes yes",
      "+1", "lgtm", "do");
  private static final Set<String> CANCEL = Set.of("cancel", "no", "n", "nope", "nah", "abort", "stop", "nevermind",
      "never mind", "cancel that", "cancel it", "forget it", "don't", "dont", "do not", "no cancel", "don't do it",
      "dont do it", "abort it", "stop it", "nvm", "nm", "never mind that", "nevermind that", "scratch that",
      "forget that", "no thanks", "no thank you", "not now", "changed my mind", "i changed my mind",
      // a preview is waiting: "wait", "hold on" stop it from being confirmed by a later yes of this person's
      "wait", "no wait", "wait no", "wait wait", "hold on", "hang on", "hold on a sec", "hold it", "no don't",
      "no dont", "don't do that", "dont do that", "not yet", "no no", "no no no", "stop stop", "stop stop stop",
      "nope cancel", "no cancel that", "cancel cancel", "whoa", "woah", "nope not that", "no not that", "wrong");
  /**
   * Words that say yes or no by themselves, and the words said around them ("yea go ahead", "nope cancel that", "abort
   * abort", "no thanks, cancel"): a line of only such words, all on one side, is that answer. One word of each side
   * ("yes no", "no wait yes") answers nothing.
   */
  private static final Set<String> YES_WORDS = Set.of("yes", "y", "yep", "yeah", "yea", "yeh", "yah", "yup", "ya",
      "yess", "yesss", "yas", "sure", "ok", "okay", "k", "kk", "confirm", "confirmed", "proceed", "affirmative",
      "absolutely", "definitely", "approve", "approved", "lgtm");
  private static final Set<String> NO_WORDS = Set.of("no", "n", "nope", "nah", "cancel", "cancelled", "abort",
      "stop", "nvm", "nevermind", "forget", "scratch", "wait");
  private static final Set<String> AROUND_YES = Set.of("please", "pls", "do", "it", "that", "go", "ahead", "now",
      "then", "just", "run", "send", "apply", "sir", "thing", "for");
  private static final Set<String> AROUND_NO = Set.of("please", "pls", "it", "that", "this", "thanks", "thank", "you",
      "never", "mind", "don't", "dont", "do", "not", "now", "yet", "hold", "on", "up", "then", "just", "sorry",
      "actually", "the", "change");
  /** A number picked from numbered choices ("reply 1 or 2"): {@code 2}, {@code #2}, {@code number 2}, {@code 2nd}. */
  private static final Pattern CHOICE = Pattern.compile(
      "(?:(?:number|option|choice|no\\.?|the|pick|choose|reply)\\s+)?([1-9])(?:\\.|st|nd|rd|th)?(?:\\s+(?:one|please))?");
  /** "the second one": the number of a choice said in words. */
  private static final Map<String, String> ORDINALS = Map.of("first", "1st", "second", "2nd",
      "third", "3rd", "fourth", "4th", "fifth", "5th", "sixth", "6th", "seventh", "7th", "eighth", "8th", "ninth", "9th");
  private static final Pattern ORDINAL = Pattern.compile(
      "\\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\\b");
  private AnswerWords() {}

  /** The answer {@code simple} (the line lower-cased, punctuation as spaces) is; null when it is none. */
  static Command parse(String simple) {
    if (CONFIRM.contains(simple)) return new Command.Confirm();
    Matcher choice = CHOICE.matcher(ORDINAL.matcher(simple).replaceAll(o -> ORDINALS.get(o.group())));
    if (choice.matches()) return new Command.Confirm(Integer.parseInt(choice.group(1)));
    if (CANCEL.contains(simple)) return new Command.Cancel();
    return saidAround(simple);
  }

  /** "yea go ahead", "nope cancel that": Confirm or Cancel when every word is on one side; else null. */
  private static Command saidAround(String simple) {
    String[] words = simple.split(" ");
    if (words.length < 2 || words.length > 5) return null;
    boolean yes = false;
    boolean no = false;
    boolean yesSide = true;
    boolean noSide = true;
    for (String word : words) {
      yes |= YES_WORDS.contains(word);
      no |= NO_WORDS.contains(word);
      yesSide &= YES_WORDS.contains(word) || AROUND_YES.contains(word);
      noSide &= NO_WORDS.contains(word) || AROUND_NO.contains(word);
    }
    if (yes && yesSide && !no) return new Command.Confirm();
    if (no && noSide && !yes) return new Command.Cancel();
    return null;
  }
}
