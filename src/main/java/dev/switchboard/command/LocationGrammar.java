package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The locations of an intercept command: names separated by commas, "and", "&amp;", "plus" or "/", or {@code all} (and
 * the ways people say it: "every site", "everywhere"), or all but some ("all except HQ", "all but Sydney"). Names
 * separated only by spaces ("Austin Denver") stay one name here: only the directory knows where one ends.
 */
final class LocationGrammar {

  private static final Set<String> SEPARATORS = Set.of("and", "&", "+", "plus");
  /** The words for every location, in every grammar that takes a location or all of them. */
  static final Pattern ALL = Pattern.compile(
      // "al", "alll", "aall": typos of all ("al" once matched Bangalore, which has it inside its name)
      "(?i)(?:all|al|alll|aall)(?: (?:the|of the|of our|of my|my|our))?(?: (?:calling )?(?:locations?|locs?|sites?"
          + "|offices?|branches?))?"
          + "|every (?:calling )?(?:location|site|office|branch)|everywhere|anywhere|everything|all of them|\\*"
          // "list intercepted sites", "any sites on intercept?", "is anything intercepted": the plural alone, or any
          + "|(?:any |our |my |the )?(?:calling )?(?:locations|sites|offices|branches)(?: (?:that|which) (?:are|were))?"
          + "|everything (?:that|which)(?:'s| is)"
          + "|any (?:calling )?(?:location|site|office|branch)|anything|any of them");
  /** "my sites", "all my locations", "all of my offices": the asker's own. */
  private static final Pattern MINE = Pattern.compile(
      "(?:all (?:of )?)?my (?:own )?(?:calling )?(?:locations?|sites?|offices?|branches?)");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s\\-.:!]+|[\\s\\-.:!]+$");
  private static final Pattern DIGIT_SLASH_DIGIT = Pattern.compile(".*\\d/\\d.*");

  private static final Set<String> EXCEPT = Set.of("except", "but", "excluding", "excl", "exc", "minus", "bar");
  private static final Set<String> EXCEPT_TWO = Set.of("other than", "apart from", "except for", "but not",
      "aside from", "save for");
  /** Words that lead into a time ("over", "until"): part of the time words they come before, not of a name. */
  private static final Set<String> TIME_LEADS = Set.of("over", "for", "the", "this", "next", "by", "on", "at", "in",
      "during", "until", "till", "from", "starting", "through", "thru", "all", "before", "after", "around",
      "between");

  private LocationGrammar() {}

  /**
   * Where the words naming the locations stop being names: the first word that names a time, a day or a zone, with
   * the words that lead into it ("London over the weekend": at "over"); -1 when every word may be a name.
   */
  static int unreadFrom(List<Token> where) {
    for (int j = 0; j < where.size(); j++) {
      if (TimeWords.namesTime(where.get(j))) {
        int k = j;
        while (k > 0 && where.get(k - 1).in(TIME_LEADS)) k--;
        return k;
      }
    }
    return -1;
  }

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
    int taken = takenBackAt(where);
    if (taken >= 0) {
      if (taken == where.size()) {
        // "intercept on at HQ, never mind": the line is taken back as a whole, at no place called "never mind"
        return new Refused(new Command.Invalid(topic, "You said never mind, so I changed nothing.",
            CommandTable.usage(topic)));
      }
      where = where.subList(taken, where.size()); // "HQ, sorry, Denver", "HQ no wait Denver": the place meant last
    }
    int except = exceptAt(where);
    if (except > 0) {
      String all = Token.join(where.subList(0, except)).toLowerCase(Locale.ROOT);
      int names = except + (twoWordExcept(where, except) ? 2 : 1); // "except for HQ" leaves out HQ, not "for HQ"
      Read excluded = read(where.subList(names, where.size()), topic);
      if (ALL.matcher(all).matches() && excluded instanceof At at && at.target() instanceof LocationTarget.Named n) {
        return new At(new LocationTarget.AllExcept(n));
      }
      if (ALL.matcher(all).matches()) {
        return new Refused(new Command.Invalid(topic, "Name the locations to leave out, as in `all except HQ, "
            + "Austin`.", CommandTable.usage(topic)));
      }
    }
    List<Token> named = where;
    if (named.size() > 3 && named.get(0).is("both") && named.stream().anyMatch(t -> t.in(SEPARATORS))) {
      named = named.subList(1, named.size()); // "both HQ and Austin"
    }
    List<List<Token>> groups = new ArrayList<>();
    List<Token> group = new ArrayList<>();
    boolean leftOut = false;
    List<Token> words = slashed(named);
    for (int j = 0; j < words.size(); j++) {
      Token t = words.get(j);
      boolean not = t.is("not") || t.is("but") && j + 1 < words.size() && words.get(j + 1).is("not");
      if (t == Token.COMMA || t.in(SEPARATORS) || not && (j > 0)) {
        if (!group.isEmpty() && !leftOut) {
          groups.add(group);
        }
        group = new ArrayList<>();
        leftOut = false;
        if (not) {
          // "HQ, not Austin", "HQ and Austin but not Denver": a place named to be left out, once read as one to
          // change (and "not Austin", no location, was answered with "did you mean Austin?")
          leftOut = true;
          if (t.is("but")) j++;
        }
      } else {
        group.add(t);
      }
    }
    if (!group.isEmpty() && !leftOut) {
      groups.add(group);
    }
    if (groups.isEmpty()) {
      return new Nowhere();
    }
    List<String> names = new ArrayList<>();
    boolean all = false;
    boolean mine = false;
    for (List<Token> g : groups) {
      // "HQ. voicemail", "HQ - voicemail": punctuation around a name is not part of it
      String name = EDGE_PUNCTUATION.matcher(Token.join(g)).replaceAll("");
      if (name.isEmpty()) {
        continue;
      }
      boolean quoted = g.stream().anyMatch(Token::quoted);
      if (!quoted && MINE.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        mine = true;
        continue;
      }
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
    if ((all || mine) && !names.isEmpty() || all && mine) {
      return new Refused(new Command.Invalid(topic, "Say `" + (mine && !all ? "my sites" : "all") + "` on its own, or "
          + "name the locations; not both.", CommandTable.usage(topic)));
    }
    if (mine) return new At(new LocationTarget.Mine());
    return new At(all ? new LocationTarget.All() : new LocationTarget.Named(names));
  }

  /**
   * Where the places meant start after a slip is taken back ("HQ, sorry, Denver", "HQ no wait Denver", "HQ, I mean
   * Denver"): after the last such words; {@code where.size()} when the line ends in "never mind"; -1 when none is said.
   */
  private static int takenBackAt(List<Token> where) {
    int from = -1;
    for (int j = 1; j < where.size(); j++) {
      Token t = where.get(j);
      if (t.quoted()) continue;
      Token next = j + 1 < where.size() ? where.get(j + 1) : null;
      int length = 0;
      if (t.is("sorry", "oops", "oop", "actually", "correction")) {
        length = 1;
      } else if (next != null && (t.is("no") && next.is("wait") || t.is("i") && next.is("mean", "meant")
          || t.is("or") && next.is("rather"))) {
        length = 2;
      } else if (next != null && t.is("never") && next.is("mind") && j + 2 == where.size()
          || t.is("nvm", "nevermind") && j + 1 == where.size()) {
        return where.size();
      }
      if (length > 0) {
        int k = j + length;
        while (k < where.size() && (where.get(k) == Token.COMMA || where.get(k).is("i", "mean", "meant", "wait"))) {
          k++;
        }
        from = k;
        j = k - 1;
      }
    }
    return from >= where.size() ? -1 : from;
  }

  /** Where "except", "but", "other than" … comes in the words; -1 if nowhere. */
  private static int exceptAt(List<Token> where) {
    for (int j = 1; j < where.size(); j++) {
      if (where.get(j).in(EXCEPT) || twoWordExcept(where, j)) return j;
    }
    return -1;
  }

  /** "except for", "apart from", "but not" at {@code j}, with a name after it. */
  private static boolean twoWordExcept(List<Token> where, int j) {
    Token t = where.get(j);
    return j + 2 < where.size() && !t.quoted() && EXCEPT_TWO.contains(t.low() + " " + where.get(j + 1).low());
  }

  /** "Austin/Denver": a slash between names separates them, as a comma does. */
  private static List<Token> slashed(List<Token> where) {
    List<Token> out = new ArrayList<>();
    for (Token t : where) {
      if (t.quoted() || !t.raw().contains("/") || DIGIT_SLASH_DIGIT.matcher(t.raw()).matches()) {
        out.add(t);
        continue;
      }
      // a lone "/" ("Austin / Denver") is a separator by itself
      List<String> parts = java.util.Arrays.stream(t.raw().split("/")).filter(p -> !p.isBlank()).toList();
      if (parts.isEmpty()) out.add(Token.COMMA);
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) out.add(Token.COMMA);
        out.add(new Token(parts.get(i), parts.get(i).toLowerCase(Locale.ROOT), false));
      }
    }
    return out;
  }
}
