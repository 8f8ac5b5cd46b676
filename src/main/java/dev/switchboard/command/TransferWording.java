package dev.switchboard.command;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transfer-number commands said in other words, rewritten to {@link TransferGrammar}'s: the number first ("put
 * +1… as transfer number 1 for bob"), the slot as "#1" ("change bob's #1 to +1…"), "transfer" left out ("set number 2
 * for bob", "custom off for alice"), the location's numbers named for custom ones off, a question about custom numbers
 * as the look-up that answers it.
 */
final class TransferWording {

  /** "put +12055553699 as transfer number 1 for bob", "add +1… as bob's transfer number 2": the number first. */
  private static final Pattern NUMBER_FIRST = Pattern.compile(
      "(?i)^(?:put|add|use|make|set)\\s+((?:tel:)?[+(]?\\d[\\d\\s().\\-]{2,}?)\\s+(?:as|for|in|into)\\s+(.+)$");
  /** "set number 2 for bob to +1…": transfer numbers are the only numbers 1 to 3 a person has here. */
  private static final Pattern BARE_SLOT = Pattern.compile(
      "(?i)^((?:set|change|update|clear|remove|delete|unset)\\s+(?:the\\s+)?)(number\\s+[1-3])\\s+(?:for|of|from)"
          + "(\\s+.+)$");
  /** "make +1… bob's third transfer number": the number first, then whose and which. */
  private static final Pattern MAKE_NUMBER = Pattern.compile(
      "(?i)^(?:make|set)\\s+((?:tel:)?[+(]?\\d[\\d\\s().\\-]{2,}?)\\s+(.+?(?:'s|')\\s+(?:#?[1-3]|first|second|third|1st|2nd"
          + "|3rd)\\s+(?:auto\\s+)?transfer\\s+(?:number|#))$");
  /** "change bob's #1 to +1…", "clear bob's #3": the slot said with "#" after a possessive. */
  private static final Pattern HASH_SLOT = Pattern.compile(
      "(?i)^(set|change|update|make|clear|remove|delete|unset|wipe|reset)\\s+(.+?)(?:'s|\u2019s)\\s+#\\s*([1-3])(\\s.*)?$");
  /** "bob #2 = +1…", "bob #2 +1…": a person, a slot and a number. */
  private static final Pattern PERSON_HASH_NUMBER = Pattern.compile(
      "(?i)^([^#]+?)\\s+#\\s*([1-3])\\s*(?:=|:|to)?\\s*((?:tel:)?[+(]?\\d[\\d\\s().\\-]{6,})$");
  /** "set bob transfer number 1 +1…": the person before the slot, the number after it with no "to". */
  private static final Pattern PERSON_SLOT_NUMBER = Pattern.compile(
      "(?i)^(set|change|update)\\s+(.+?)\\s+((?:auto\\s+)?transfer\\s+(?:number|#)\\s*[1-3])\\s+"
          + "((?:tel:)?[+(]?\\d[\\d\\s().\\-]{6,})$");
  /** "turn custom numbers off for alice", "custom off for alice", "alice custom numbers on". */
  private static final Pattern CUSTOM_STATE = Pattern.compile(
      "(?i)^(?:(?:turn|switch|set)\\s+(?:the\\s+)?)?custom(?:\\s+(?:transfer\\s+)?numbers)?\\s+(on|off)\\s+((?:for|of)\\s+.+)$"
          + "|^(?!(?:does|do|did|has|have|is|are|was|were|can|could|should|shall|must|might|will|would|why|who|what"
          + "|when|where|which|how)\\s)(.+?)"
          + "\\s+custom\\s+(?:transfer\\s+)?numbers\\s+(on|off)$");
  /** "set alice to use her own numbers", "make bob use the location numbers". */
  private static final Pattern USE_NUMBERS = Pattern.compile(
      "(?i)^(?:set|make|have|get|let)\\s+(.+?)\\s+(?:to\\s+)?use\\s+(?:his\\s+|her\\s+|their\\s+|the\\s+|its\\s+)?"
          + "(own|custom|personal|location(?:'s|s)?)\\s+(?:transfer\\s+)?numbers$");
  /** "does alice have custom numbers on", "is custom on for bob", "are bob's custom numbers enabled": a look-up. */
  private static final Pattern CUSTOM_QUESTION = Pattern.compile(
      "(?i)^(?:does|do|has)\\s+(.+?)\\s+(?:have|use|got)\\s+(?:custom|own)\\s+(?:transfer\\s+)?numbers"
          + "(?:\\s+(?:on|enabled|set|turned\\s+on))?$"
          + "|^(?:is|are)\\s+custom(?:\\s+(?:transfer\\s+)?numbers)?\\s+(?:on|off|enabled|disabled)\\s+for\\s+(.+)$"
          + "|^(?:is|are)\\s+(.+?)(?:'s|\u2019s)\\s+custom\\s+(?:transfer\\s+)?numbers\\s+(?:on|off|enabled|disabled|used)$");
  private static final Pattern EXPLAIN_WHY = Pattern.compile("(?i)^explain\\s+(?=(?:why|where|how come)\\s)");
  /**
   * "stop using custom numbers for bob", "use the location's transfer numbers for bob": custom numbers on or off,
   * said without "transfer" or as the location's.
   */
  private static final Pattern CUSTOM_WORDS = Pattern.compile(
      "(?i)^((?:don't|dont|do not|stop|no longer|start)?\\s*(?:use|using))\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+)?"
          + "(?:custom|own|personal)\\s+numbers\\s+((?:for|of|on)\\s+.+)$");
  private static final Pattern LOCATION_NUMBERS = Pattern.compile(
      "(?i)^(?:use|switch\\s+to|go\\s+back\\s+to)\\s+(?:the\\s+)?location(?:'s|s'|s)?\\s+(?:transfer\\s+)?numbers\\s+"
          + "(?:for|of|on)\\s+(.+)$");

  /**
   * "turn off bob's transfer numbers", "transfer numbers on for alice", "disable bob's transfer numbers": the only
   * thing on or off about a person's transfer numbers is whether the custom ones are used (these were read as a
   * look-up of a person "turn off bob").
   */
  private static final Pattern NUMBERS_STATE = Pattern.compile(
      "(?i)^(?:turn|switch)\\s+(on|off)\\s+(?:the\\s+)?(?:(.+?)(?:'s|')\\s+transfer\\s+numbers|transfer\\s+numbers\\s+(?:for|of)"
          + "\\s+(.+))$"
          + "|^(enable|disable)\\s+(?:the\\s+)?(?:(.+?)(?:'s|')\\s+transfer\\s+numbers|transfer\\s+numbers\\s+(?:for|of)\\s+(.+))$"
          + "|^transfer\\s+numbers\\s+(on|off)\\s+(?:for|of)\\s+(.+)$|^(.+?)(?:'s|')\\s+transfer\\s+numbers\\s+(on|off)$");
  /** "set transfer number 1 for bob too +1…", "... bob t0 +1…": a slip of "to" before the number, no part of a name. */
  private static final Pattern TO_SLIP = Pattern.compile(
      "(?i)^((?:set|change|update)\\s+.+?)\\s+(?:too|t0|tp|ro|yo)\\s+((?:tel:)?[+(]?\\d[\\d\\s().\\-]{2,})$");

  private TransferWording() {}

  /**
   * The line in the grammar's word order when it is said another way: the number first ("put +1… as transfer
   * number 1 for bob" is "set transfer number 1 for bob to +1…"), "transfer" left out ("set number 2 for bob",
   * "stop using custom numbers for bob"), or the location's numbers named for custom ones off.
   */
  static String reordered(String text) {
    Matcher m = TO_SLIP.matcher(text);
    if (m.matches() && TransferGrammar.KEYWORD.matcher(m.group(1)).find()) text = m.group(1) + " to " + m.group(2);
    m = NUMBERS_STATE.matcher(text);
    if (m.matches() && !text.toLowerCase(Locale.ROOT).contains("custom")) {
      String state = m.group(1) != null ? m.group(1) : m.group(4) != null ? (m.group(4).equalsIgnoreCase("enable") ? "on"
          : "off") : m.group(7) != null ? m.group(7) : m.group(10);
      String person = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(5) != null
          ? m.group(5) : m.group(6) != null ? m.group(6) : m.group(8) != null ? m.group(8) : m.group(9);
      return "custom transfer numbers " + state.toLowerCase(Locale.ROOT) + " for " + person;
    }
    m = BARE_SLOT.matcher(text);
    if (m.matches()) return m.group(1) + "transfer " + m.group(2) + " for" + m.group(3);
    m = MAKE_NUMBER.matcher(text);
    if (m.matches()) return "set " + m.group(2) + " to " + m.group(1).strip();
    m = HASH_SLOT.matcher(text);
    if (m.matches()) return m.group(1) + " " + m.group(2) + "'s transfer number " + m.group(3) + nonNull(m.group(4));
    m = PERSON_HASH_NUMBER.matcher(text);
    if (m.matches()) return "set transfer number " + m.group(2) + " for " + m.group(1) + " to " + m.group(3);
    m = PERSON_SLOT_NUMBER.matcher(text);
    if (m.matches()) return m.group(1) + " " + m.group(3) + " for " + m.group(2) + " to " + m.group(4);
    m = CUSTOM_QUESTION.matcher(text);
    if (m.matches()) return "transfer numbers for " + Groups.first(m);
    m = CUSTOM_STATE.matcher(text);
    if (m.matches()) {
      return m.group(1) != null ? "custom transfer numbers " + m.group(1) + " " + m.group(2)
          : "custom transfer numbers " + m.group(4) + " for " + m.group(3);
    }
    m = USE_NUMBERS.matcher(text);
    if (m.matches()) {
      boolean own = !m.group(2).toLowerCase(Locale.ROOT).startsWith("location");
      return "custom transfer numbers " + (own ? "on" : "off") + " for " + m.group(1);
    }
    m = EXPLAIN_WHY.matcher(text);
    if (m.find()) return text.substring(m.end()); // "explain why bob's calls go to +1…" is the question itself
    m = CUSTOM_WORDS.matcher(text);
    if (m.matches()) return m.group(1).strip() + " custom transfer numbers " + m.group(2);
    m = LOCATION_NUMBERS.matcher(text);
    if (m.matches()) return "custom transfer numbers off for " + m.group(1);
    m = NUMBER_FIRST.matcher(text);
    if (m.matches() && TransferGrammar.KEYWORD.matcher(m.group(2)).find()) return "set " + m.group(2) + " to " + m.group(1).strip();
    return text;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

}
