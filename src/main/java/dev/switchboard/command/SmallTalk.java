package dev.switchboard.command;

import java.util.Set;

/**
 * The lines that are no command, as {@link CommandParser} has them made plain (lower case, single spaces): a
 * greeting, a thanks, and the ways of asking who one is to the bot.
 */
final class SmallTalk {

  private static final Set<String> WHOAMI = Set.of("whoami", "who am i", "who's this", "me", "my roles",
      "what are my roles", "what roles do i have", "what is my role", "what's my role", "whats my role",
      "who am i logged in as", "what am i", "who do you think i am", "do you know who i am", "what am i allowed to do");
  private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "yo", "hiya", "howdy", "good morning",
      "morning", "good afternoon", "good evening", "hi there", "hello there", "hey there", "hi switchboard",
      "hello switchboard", "hey switchboard", "sup", "what's up", "whats up", "greetings", "good day", "hola",
      "how are you", "how are you doing", "how's it going", "hows it going", "how is it going", "hey bot", "hi bot", "hello bot", "hi all", "hello all",
      "hey all", "hi team", "hey team", "hi everyone", "hello everyone", "morning all", "morning everyone",
      "good morning all", "good morning team", "good morning everyone");
  private static final Set<String> THANKS = Set.of("thanks", "thank you", "thx", "ty", "cheers", "thanks a lot",
      "many thanks", "thank you very much", "great thanks", "ok thanks", "perfect thanks", "great", "perfect",
      "cool", "awesome", "nice", "got it");

  private SmallTalk() {}

  static boolean greeting(String plain) {
    return GREETINGS.contains(plain);
  }

  static boolean thanks(String plain) {
    return THANKS.contains(plain);
  }

  static boolean whoAmI(String plain) {
    return WHOAMI.contains(plain);
  }
}
