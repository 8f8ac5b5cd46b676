package dev.switchboard.command;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transfer-number commands: show, set, clear, and custom numbers on/off, in the word orders people use
 * ("transfer numbers for X", "X transfer numbers", "set transfer number 2 of X to N", "transfer number 2 for X = N").
 */
final class TransferGrammar {

  static final Pattern KEYWORD = Pattern.compile(
      "(?i)(?<![\\w-])(?:auto[- ]?)?(?:transfer|xfer)(?:[- ]?(?:numbers?|nums?|nos?\\.?|#s?|destinations?)(?=[\\s,:=?]|$)"
          + "|[- ]?#(?=\\s*\\d)|(?=\\s+[1-3](?:\\s|$)))");

  /** "for bob to" with nothing after: the "to" belongs to a number not given. */
  private static final Pattern DANGLING_TO = Pattern.compile("(?i)\\s+(?:to|as|=|:)\\s*$");
  private static final Pattern SET = Pattern.compile(
      "(?i)^(?:set|change|update|make|put|configure|assign|edit|add|replace|swap)(?:\\s+|$)");
  /** A second slot right after the first: "1,2", "1 and 2", "1 & 3", "1-3". */
  private static final Pattern MORE_SLOTS = Pattern.compile("(?i)^\\s*(?:,|and|&|\\+|or|-|to)\\s*[1-3](?:\\s|,|$)");
  private static final Pattern CLEAR = Pattern.compile(
      "(?i)^(?:clear|remove|delete|unset|reset|erase|blank|wipe|drop|null)(?:\\s+out)?(?:\\s+|$)");
  private static final Pattern SHOW = Pattern.compile(
      "(?i)^(?:show(?: me)?|get|list|display|view|see|check|look ?up|lookup|fetch|read|what(?:'s| is| are)?|whats"
          + "|tell me|give me|find|pull up|bring up|grab|(?:i\\s+)?(?:need|want)(?:\\s+to\\s+(?:see|know))?)(?:\\s+|$)");
  /** "explain transfer numbers for bob", "full transfer numbers for bob": the table of every call type. */
  private static final Pattern EXPLAIN = Pattern.compile(
      "(?i)^(?:explain|why|how come|trace|full|detailed|(?:show(?: me)?|give me|get|what are|list)\\s+"
          + "(?:all\\s+)?(?:the\\s+)?(?:full|detailed|complete|whole))(?:\\s+|$)");
  private static final Pattern EXPLAIN_AT_END = Pattern.compile(
      "(?i)\\s+(?:in full|in detail|explained|in a table|full table|table|details|detailed|with details)$");
  /**
   * "why does alice's international call go to the front desk?", "where do bob's calls go", "why do international
   * calls from bob ring reception": a question about where a person's calls go.
   */
  private static final Pattern WHY_OWNER = Pattern.compile(
      "(?i)^(?!.*\\bintercept)(?:why|how come|where)\\s+(?:does|do|did|is|are|would|will|can|can't|cannot|won't|doesn't|don't)?\\s*"
          + "(?:(.+?)(?:'s|\u2019s|s'|\u2019)|(my))\\s+(?:(" + CallTypeWords.ALTERNATION + ")\\s+)?(?:outgoing\\s+|outbound\\s+)?"
          + "calls?(?:\\s+.*)?[?.!]*$");
  private static final Pattern WHY_FROM = Pattern.compile(
      "(?i)^(?!.*\\bintercept)(?:why|how come|where)\\s+(?:does|do|did|is|are|would|will|can|can't|cannot|won't|doesn't|don't)?\\s*"
          + "(?:an?\\s+|the\\s+)?(" + CallTypeWords.ALTERNATION + ")?\\s*(?:outgoing\\s+|outbound\\s+)?calls?\\s+"
          + "(?:from|of|by|for|made by|placed by)\\s+(.+?)(?:\\s+(?:go|goes|going|ring|rings|get|gets|end|ends|land"
          + "|lands|transfer|transfers|fail|fails|reach|reaches|route|routes|routed|sent|sends|hit|hits)\\b.*)?[?.!]*$");
  private static final Pattern FILLER = Pattern.compile("(?i)^(?:(?:all\\s+)?the|all(?:\\s+of)?|me|my)(?:\\s+|$)");
  private static final Pattern TEL_SCHEME = Pattern.compile("(?i)^tel:");
  private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^(?:the|a|an)\\s+");
  private static final Pattern SLOT_AT_START = Pattern.compile(
      "(?i)^(?:#\\s*|no\\.?\\s*|number\\s+)?(\\d+|one|two|three|first|second|third|1st|2nd|3rd)(?=[\\s,:=]|$)\\s*");
  private static final Pattern SLOT_AT_END = Pattern.compile(
      "(?i)(?:^|\\s+)(?:the\\s+)?(\\d+|first|second|third|1st|2nd|3rd)$");
  private static final Map<String, Integer> SLOT_WORDS = Map.of("one", 1, "two", 2, "three", 3, "first", 1,
      "second", 2, "third", 3, "1st", 1, "2nd", 2, "3rd", 3);
  private static final Pattern FOR_PERSON_VALUE = Pattern.compile(
      "(?i)^(?:for|of|on|from)\\s+(.+?)"
          + "(?:\\s+(?:to|as|is|with|should be|must be|will be|to be|becomes)\\s+|\\s*[=:]\\s*)(.+)$");
  private static final Pattern VALUE_FOR_PERSON = Pattern.compile(
      "(?i)^(?:(?:to|as|is)\\s+|[=:]\\s*)(.+?)\\s+(?:for|of|on)\\s+(.+)$");
  private static final Pattern FOR_PERSON = Pattern.compile("(?i)^(?:for|of|on|from)\\s+(.+)$");
  /** "set transfer 1 for bob 2055553698": the number after the person, with no "to". */
  private static final Pattern FOR_PERSON_NUMBER = Pattern.compile(
      "(?i)^(?:for|of|on)\\s+(.+?)\\s+((?:tel:)?[+(]?\\d[\\d\\s().\\-]{3,})$");
  private static final Pattern MY = Pattern.compile("(?i)(?:^|\\s)my(?:\\s|$)");
  private static final Pattern ALL = Pattern.compile("(?i)(?:^|\\s)all(?:\\s|$)");
  private static final Pattern SEVERAL = Pattern.compile("(?i)\\s+(?:and|&|\\+)\\s+");
  /** The new number after the slot: "to +1…", "be +1…", "should be +1…", "with +1…" (replace … with), "= +1…". */
  private static final Pattern VALUE = Pattern.compile(
      "(?i)^(?:(?:to|as|is|be|should be|must be|will be|to be|becomes|with)\\s+|[=:]\\s*)(.+)$");
  /** "swap bob's transfer 2 for +1…": with the person already named, "for" brings the number. */
  private static final Pattern FOR_NUMBER = Pattern.compile("(?i)^for\\s+((?:tel:)?[+(]?\\d[\\d\\s().\\-]{2,})$");
  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
  private static final Pattern PERSON_VALUE = Pattern.compile(
      "(?i)^(.+?)(?:\\s+(?:to|as)\\s+|\\s*[=:]\\s*)(.+)$");
  private static final Pattern NOTHING = Pattern.compile("(?i)off|none|nothing|empty|blank|clear|cleared|no number");

  /** "turn off bob's": the verbs, then whose. */
  private static final Pattern POSSESSOR_LAST = Pattern.compile("(?i)^(.*?)\\s*(\\S+?)'s?$");
  private static final Pattern CUSTOM = Pattern.compile("(?i)(?:^|\\s)(?:custom|own|personal)$");
  private static final Pattern CUSTOM_OFF = Pattern.compile(
      "(?i)^(?:don't use|dont use|do not use|stop using|stop|no longer use|never use|disable|deactivate"
          + "|turn off|switch off|no|not)$");
  private static final Pattern CUSTOM_ON = Pattern.compile(
      "(?i)^(?:use|enable|activate|turn on|switch on|start using|start)$");
  private static final Pattern CUSTOM_NEUTRAL = Pattern.compile("(?i)^(?:turn|switch|set|put|the)?$");
  private static final Pattern STATE_AT_START = Pattern.compile(
      "(?i)^(on|off|enabled?|disabled?|yes|no|true|false)(?:\\s+|$)");
  private static final Pattern STATE_AT_END = Pattern.compile(
      "(?i)(?:\\s*[:=]\\s*|\\s+(?:to\\s+)?)(on|off|enabled?|disabled?|yes|no|true|false)$");

  private enum Verb { SHOW, SET, CLEAR, EXPLAIN }

  private TransferGrammar() {}

  /** Parses a line in which {@code keyword} found "transfer number(s)". */
  static Command parse(String text, Matcher keyword) {
    String before = text.substring(0, keyword.start()).strip();
    String after = text.substring(keyword.end()).strip();
    Matcher custom = CUSTOM.matcher(before);
    if (custom.find()) {
      String verbs = before.substring(0, custom.start()).strip();
      if (!SHOW.matcher(verbs).find()) return custom(verbs, after);
      before = verbs; // "show me bob's custom transfer numbers": a look-up, as without "custom"
    }

    Verb verb = null;
    int verbEnd = 0;
    Matcher m;
    if ((m = SET.matcher(before)).find()) {
      verb = Verb.SET;
      verbEnd = m.end();
    } else if ((m = CLEAR.matcher(before)).find()) {
      verb = Verb.CLEAR;
      verbEnd = m.end();
    } else if ((m = EXPLAIN.matcher(before)).find()) {
      verb = Verb.EXPLAIN;
      verbEnd = m.end();
    } else if ((m = SHOW.matcher(before)).find()) {
      verb = Verb.SHOW;
      verbEnd = m.end();
    }
    String rest = before.substring(verbEnd);
    boolean mine = MY.matcher(rest).find();
    boolean all = ALL.matcher(rest).find();
    while ((m = FILLER.matcher(rest)).find() && m.end() > 0) {
      rest = rest.substring(m.end());
    }

    Integer slot = null;
    String slotText = null;
    if ((m = SLOT_AT_END.matcher(rest)).find()) {
      slotText = m.group(1);
      rest = rest.substring(0, m.start()).strip();
    }
    if ((m = SLOT_AT_START.matcher(after)).find()) {
      if (slotText != null) {
        return new Command.Invalid(topic(verb), "Name one transfer number, 1, 2 or 3.", usage(verb));
      }
      slotText = m.group(1);
      after = after.substring(m.end());
    }
    Matcher more = slotText == null ? null : MORE_SLOTS.matcher(after);
    if (more != null && more.find() && (verb == null || verb == Verb.SHOW || verb == Verb.EXPLAIN)) {
      after = after.substring(more.end()).strip(); // a look-up shows every slot
    } else if (more != null && more.find(0)) {
      // "clear transfer number 1,2 for bob": one slot a command, so that each is read back and undone on its own
      return new Command.Invalid(topic(verb), "One transfer number at a time, please: `" + verb.name().toLowerCase(
          Locale.ROOT) + " transfer number " + slotText + " for …`, then the next.", usage(verb));
    }
    if (slotText != null) {
      slot = SLOT_WORDS.getOrDefault(slotText.toLowerCase(Locale.ROOT), null);
      if (slot == null) {
        try {
          slot = Integer.parseInt(slotText);
        } catch (NumberFormatException tooBig) {
          slot = Integer.MAX_VALUE;
        }
      }
    }

    String person = rest.isBlank() ? null : rest;
    String value = null;
    String fromSuffix = null;
    if ((m = FOR_PERSON_VALUE.matcher(after)).matches()) {
      fromSuffix = m.group(1);
      value = m.group(2);
    } else if ((m = VALUE_FOR_PERSON.matcher(after)).matches()) {
      value = m.group(1);
      fromSuffix = m.group(2);
    } else if ((m = FOR_PERSON_NUMBER.matcher(after)).matches() && verb != Verb.CLEAR && verb != Verb.SHOW) {
      fromSuffix = m.group(1);
      value = m.group(2);
    } else if (person != null && (m = FOR_NUMBER.matcher(after)).matches()) {
      value = m.group(1);
    } else if ((m = FOR_PERSON.matcher(after)).matches()) {
      fromSuffix = m.group(1);
    } else if ((m = VALUE.matcher(after)).matches()) {
      value = m.group(1);
    } else if ((m = PERSON_VALUE.matcher(after)).matches() && person == null) {
      fromSuffix = m.group(1);
      value = m.group(2);
    } else if (!after.isBlank()) {
      fromSuffix = after;
    }
    if (fromSuffix != null) {
      if (person != null) {
        return new Command.Invalid(topic(verb), "Name one person, before or after `transfer numbers`; I read `"
            + person + "` and `" + fromSuffix + "`.", usage(verb));
      }
      person = fromSuffix;
    }
    if (person != null && (verb == null || verb == Verb.SHOW) && (m = EXPLAIN_AT_END.matcher(person)).find()) {
      verb = Verb.EXPLAIN; // "transfer numbers for bob in full"
      person = person.substring(0, m.start());
    }
    if (person != null && PersonRef.clean(person).isEmpty()) {
      person = null;
    }
    if (value != null) {
      value = TEL_SCHEME.matcher(value.strip()).replaceFirst("");
    }
    if (person == null && verb == null && value != null && !HAS_DIGIT.matcher(value).matches()) {
      person = value; // "transfer numbers: bob" names whose, not a new number
      value = null;
    }
    if (person == null && mine) {
      person = PersonRef.REQUESTER; // "my transfer numbers": the requester's own
    }

    if (verb == null) {
      verb = value != null ? Verb.SET : Verb.SHOW;
    }
    if (verb == Verb.SET && value == null && person != null && DANGLING_TO.matcher(person).find()) {
      person = DANGLING_TO.matcher(person).replaceFirst(""); // "set transfer number 1 for bob to": the number is missing
    }
    if (verb == Verb.SET && value != null && NOTHING.matcher(value).matches()) {
      verb = Verb.CLEAR;
      value = null;
    }

    String who = person == null ? "alice@example.com" : PersonRef.clean(person);
    if (person == null) {
      return new Command.Invalid(topic(verb), "Say whose transfer numbers: " + example(verb, who, slot) + ".",
          usage(verb));
    }
    if (verb == Verb.SHOW && value == null && PeopleList.isSeveral(person)) {
      return PeopleList.show(person); // a look-up reads several people; a change is one person at a time
    }
    if (!person.contains("@") && !person.startsWith("\"") && SEVERAL.matcher(person).find()) {
      String first = PersonRef.clean(SEVERAL.split(person)[0]);
      return new Command.Invalid(topic(verb), "One person at a time, please: " + example(verb, first, slot)
          + ", then the next.", usage(verb));
    }
    if (verb == Verb.CLEAR && slot == null && all) {
      return new Command.Invalid(topic(verb), "I clear one transfer number at a time: " + example(verb, who, 1)
          + ", then 2 and 3; or `custom transfer numbers off for " + who + "` to stop using them.", usage(verb));
    }
    PersonRef ref = new PersonRef(person);
    switch (verb) {
      case EXPLAIN:
        if (value != null) {
          return new Command.Invalid(CommandTable.SET_TRANSFER_NUMBER, "To change a transfer number, say "
              + example(Verb.SET, who, slot) + ".", usage(Verb.SET));
        }
        return new Command.ExplainTransferNumbers(ref, Set.of());
      case SHOW:
        if (value != null) {
          return new Command.Invalid(CommandTable.SET_TRANSFER_NUMBER, "To change a transfer number, say "
              + example(Verb.SET, who, slot) + ".", usage(Verb.SET));
        }
        return new Command.ShowTransferNumbers(ref);
      case CLEAR:
        if (value != null) {
          return new Command.Invalid(topic(verb), "`clear` takes no number: " + example(verb, who, slot) + ".",
              usage(verb));
        }
        if (slot == null || slot < 1 || slot > 3) {
          return badSlot(verb, who, slot);
        }
        return new Command.ClearTransferNumber(ref, slot);
      default:
        if (slot == null || slot < 1 || slot > 3) {
          return badSlot(verb, who, slot);
        }
        if (value == null) {
          return new Command.Invalid(topic(verb), "Say the new number: " + example(verb, who, slot)
              + ", or `clear transfer number " + slot + " for " + who + "`.", usage(verb));
        }
        if (!DialString.isWellFormed(value)) {
          return new Command.Invalid(topic(verb), "`" + value + "` is not a phone number: a phone number has "
              + DialString.MIN_DIGITS + " to " + DialString.MAX_DIGITS + " digits, like +12055553651.", usage(verb));
        }
        return new Command.SetTransferNumber(ref, slot, new DialString(value));
    }
  }

  /**
   * A question about where a person's calls go ("why does alice's international call go to the front desk?"), or
   * null when the line is none: answered from the same facts as {@code explain transfer numbers for alice}.
   */
  static Command why(String text) {
    String line = text.strip();
    String person;
    String callType;
    Matcher m = WHY_OWNER.matcher(line);
    if (m.matches()) {
      person = m.group(2) != null ? PersonRef.REQUESTER : m.group(1);
      callType = m.group(3);
    } else if ((m = WHY_FROM.matcher(line)).matches()) {
      callType = m.group(1);
      person = m.group(2);
    } else {
      return null;
    }
    person = PersonRef.clean(LEADING_ARTICLE.matcher(person).replaceFirst(""));
    if (person.equalsIgnoreCase("me")) {
      person = PersonRef.REQUESTER;
    }
    return person.isEmpty() ? null : new Command.ExplainTransferNumbers(new PersonRef(person), CallTypeWords.of(callType));
  }

  private static Command custom(String verbs, String after) {
    String topic = CommandTable.CUSTOM_TRANSFER_NUMBERS;
    Matcher owner = POSSESSOR_LAST.matcher(verbs);
    if (owner.matches() && after.isBlank()) {
      if (owner.group(1).isEmpty()) {
        return new Command.ShowTransferNumbers(java.util.List.of(new PersonRef(owner.group(2)))); // a look-up
      }
      verbs = owner.group(1); // "turn off bob's custom transfer numbers": whose comes before
      after = "for " + owner.group(2);
    }
    Boolean state = null;
    if (CUSTOM_OFF.matcher(verbs).matches()) {
      state = false;
    } else if (CUSTOM_ON.matcher(verbs).matches()) {
      state = true;
    } else if (!CUSTOM_NEUTRAL.matcher(verbs).matches()) {
      return new Command.Invalid(topic, "I don't understand `" + verbs + "` here.", CommandTable.usage(topic));
    }
    String rest = after;
    Matcher m = STATE_AT_START.matcher(rest);
    Boolean named = null;
    if (m.find()) {
      named = isOn(m.group(1));
      rest = rest.substring(m.end());
    }
    m = FOR_PERSON.matcher(rest);
    String person = m.matches() ? m.group(1) : rest;
    m = STATE_AT_END.matcher(person);
    if (m.find()) {
      Boolean last = isOn(m.group(1));
      if (named != null && !named.equals(last)) {
        return new Command.Invalid(topic, "Say either on or off, not both.", CommandTable.usage(topic));
      }
      named = last;
      person = person.substring(0, m.start());
    }
    if (named != null && state != null && !named.equals(state)) {
      return new Command.Invalid(topic, "Say either on or off, not both.", CommandTable.usage(topic));
    }
    if (named != null) {
      state = named;
    }
    person = PersonRef.clean(person);
    String who = person.isEmpty() ? "alice@example.com" : person;
    if (person.isEmpty()) {
      return new Command.Invalid(topic, "Say whose: `custom transfer numbers " + (state == Boolean.FALSE ? "off" : "on")
          + " for " + who + "`.", CommandTable.usage(topic));
    }
    if (state == null) {
      return new Command.Invalid(topic, "Say on or off: `custom transfer numbers on for " + who
          + "` or `custom transfer numbers off for " + who + "`.", CommandTable.usage(topic));
    }
    return new Command.CustomTransferNumbers(new PersonRef(person), state);
  }

  private static boolean isOn(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.equals("on") || w.startsWith("enable") || w.equals("yes") || w.equals("true");
  }

  private static Command.Invalid badSlot(Verb verb, String who, Integer slot) {
    String problem = slot == null
        ? "Say which transfer number, 1, 2 or 3: " + example(verb, who, 2) + "."
        : "There are three transfer numbers, 1, 2 and 3; there is no number " + slot + ".";
    return new Command.Invalid(topic(verb), problem, usage(verb));
  }

  private static String example(Verb verb, String who, Integer slot) {
    int n = slot == null || slot < 1 || slot > 3 ? 2 : slot;
    return switch (verb) {
      case SHOW -> "`transfer numbers for " + who + "`";
      case EXPLAIN -> "`explain transfer numbers for " + who + "`";
      case SET -> "`set transfer number " + n + " for " + who + " to +12055553651`";
      case CLEAR -> "`clear transfer number " + n + " for " + who + "`";
    };
  }

  private static String topic(Verb verb) {
    if (verb == null) {
      return CommandTable.TRANSFER_NUMBERS;
    }
    return switch (verb) {
      case SHOW, EXPLAIN -> CommandTable.TRANSFER_NUMBERS;
      case SET -> CommandTable.SET_TRANSFER_NUMBER;
      case CLEAR -> CommandTable.CLEAR_TRANSFER_NUMBER;
    };
  }

  private static String usage(Verb verb) {
    return CommandTable.usage(topic(verb));
  }
}
