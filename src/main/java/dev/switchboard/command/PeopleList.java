package dev.switchboard.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Several people in one look-up ({@code transfer numbers for alice and bob}, {@code for alice@example.com,
 * bob@example.com}): split where a person would, at most {@link #MOST} of them, so one line costs a bounded number
 * of Webex calls.
 */
final class PeopleList {

  /** The most people one look-up reads: each costs up to three Webex calls. */
  static final int MOST = 5;

  private static final Pattern SEPARATOR = Pattern.compile("(?i)\\s*,\\s*(?:and\\s+)?|\\s+(?:and|&|\\+)\\s+|\\s*&\\s*");

  private PeopleList() {}

  /** Whether {@code text} names more than one person (a quoted name is one, whatever it holds). */
  static boolean isSeveral(String text) {
    String s = text.strip();
    return !s.startsWith("\"") && SEPARATOR.matcher(s).find() && names(s).size() > 1;
  }

  /** The look-up of each person named, or the problem with the list. */
  static Command show(String text) {
    List<String> names = names(text.strip());
    if (names.size() > MOST) {
      return new Command.Invalid(CommandTable.TRANSFER_NUMBERS, "I look up at most " + MOST + " people at a time; "
          + "that line names " + names.size() + ".", CommandTable.usage(CommandTable.TRANSFER_NUMBERS));
    }
    List<PersonRef> people = new ArrayList<>();
    names.forEach(name -> people.add(new PersonRef(name)));
    return new Command.ShowTransferNumbers(people);
  }

  private static List<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : SEPARATOR.split(text)) {
      String name = PersonRef.clean(part);
      if (!name.isEmpty()) names.add(name);
    }
    return List.copyOf(names);
  }
}
