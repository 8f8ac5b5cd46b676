package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The locations of an intercept command: names separated by commas, "and", "&amp;" or "plus", or {@code all} (and
 * the ways people say it: "every site", "everywhere").
 */
final class LocationGrammar {

  private static final Set<String> SEPARATORS = Set.of("and", "&", "+", "plus");
  private static final Pattern ALL = Pattern.compile(
      "all(?: (?:the|of the|my|our))?(?: (?:calling )?(?:locations?|sites?|offices?|branches?))?"
          + "|every (?:calling )?(?:location|site|office|branch)|everywhere|all of them");

  private LocationGrammar() {}

  /** What the words naming the locations read as. */
  sealed interface Read {}

  /** No location is named. */
  record Nowhere() implements Read {}

  /** The locations named. */
  record At(LocationTarget target) implements Read {}

  /** The words name no locations; {@code invalid} says why. */
  record Refused(Command.Invalid invalid) implements Read {}

  /** Reads the words naming the locations of a command of {@code topic}. */
  static Read read(List<Token> where, String topic) {
    List<List<Token>> groups = new ArrayList<>();
    List<Token> group = new ArrayList<>();
    for (Token t : where) {
      if (t == Token.COMMA || t.in(SEPARATORS)) {
        if (!group.isEmpty()) {
          groups.add(group);
        }
        group = new ArrayList<>();
      } else {
        group.add(t);
      }
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    if (groups.isEmpty()) {
      return new Nowhere();
    }
    List<String> names = new ArrayList<>();
    boolean all = false;
    for (List<Token> g : groups) {
      // "HQ. voicemail", "HQ - voicemail": punctuation around a name is not part of it
      String name = Token.join(g).replaceAll("^[\\s\\-.:!]+|[\\s\\-.:!]+$", "");
      if (name.isEmpty()) {
        continue;
      }
      boolean quoted = g.stream().anyMatch(Token::quoted);
      if (!quoted && ALL.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        all = true;
        continue;
      }
      for (int i = 1; i < g.size(); i++) {
        String near = Suggestions.closest(g.get(i).low(), OptionGrammar.OPTION_WORDS, 4).orElse(null);
        if (near != null && !g.get(i).quoted()) {
          return new Refused(new Command.Invalid(topic, "I don't understand `" + g.get(i).raw() + "`. Did you mean `"
              + near + "`? (A location whose name has that word goes in quotes: `\"" + name + "\"`.)",
              CommandTable.usage(topic)));
        }
      }
      names.add(name);
    }
    if (all && !names.isEmpty()) {
      return new Refused(new Command.Invalid(topic, "Say `all` on its own, or name the locations; not both.",
          CommandTable.usage(topic)));
    }
    return new At(all ? new LocationTarget.All() : new LocationTarget.Named(names));
  }
}
