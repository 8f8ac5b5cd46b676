package dev.switchboard.ops;

import dev.switchboard.command.EditDistance;

import dev.switchboard.calling.Location;
import dev.switchboard.command.NameKey;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The outcome of looking a location up by the name a user typed. */
public sealed interface LocationMatch {

  /** Exactly one location matches. */
  record Found(Location location) implements LocationMatch {
    public Found {
      Objects.requireNonNull(location, "location");
    }
  }

  /** Several locations match equally well; ask the user which one. */
  record Ambiguous(List<Location> candidates) implements LocationMatch {
    public Ambiguous {
      candidates = List.copyOf(candidates);
    }
  }

  /** Nothing matches; {@code closest} holds up to three names by edit distance ("Did you mean ...?"). */
  record NotFound(List<Location> closest) implements LocationMatch {
    public NotFound {
      closest = List.copyOf(closest);
    }
  }

  /** How many near names {@link NotFound} offers. */
  int CLOSEST = 3;
  /** The fewest characters a part of a name is matched by (as a start or inside it); shorter ones must be whole. */
  int SHORTEST_PART = 3;

  /**
   * Matches {@code query} against {@code locations}, both in {@link NameKey}'s form (case, Unicode forms and runs
   * of white space do not count): an exact name wins;
   * else (for {@link #SHORTEST_PART} characters or more) a unique prefix match; else a unique contains match; else
   * the prefix (or contains) matches are
   * ambiguous; else a location whose city is exactly the query; else nothing matched and the closest names by
   * edit distance are offered.
   */
  static LocationMatch among(String query, List<Location> locations) {
    return among(query, locations, name -> java.util.Optional.empty());
  }

  /**
   * As {@link #among(String, List)}, with the policy's aliases ({@code headquarters: HQ}): a location's own name
   * wins, then an alias, which stands for the location of exactly that name; a prefix never beats an alias.
   */
  static LocationMatch among(String query, List<Location> locations,
      java.util.function.Function<String, java.util.Optional<String>> aliases) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(locations, "locations");
    String wanted = normalise(query);
    var named = locations.stream().filter(l -> l.name() != null).toList();
    if (wanted.isEmpty()) {
      return new NotFound(List.of());
    }
    var exact = matching(named, name -> name.equals(wanted));
    if (!exact.isEmpty()) {
      return exact.size() == 1 ? new Found(exact.get(0)) : new Ambiguous(exact);
    }
    var aliased = aliases.apply(wanted)
        .map(target -> matching(named, name -> name.equals(normalise(target))))
        .orElse(List.of());
    if (aliased.size() == 1) {
      return new Found(aliased.get(0));
    }
    // "HQ East", "HQEast", "hq_east" for HQ-East: the name but for its separators (before "HQ" + "East" is tried)
    String squashed = NameKey.withoutSeparators(wanted);
    var joined = squashed.isEmpty() ? List.<Location>of() : matching(named, name -> NameKey.withoutSeparators(name).equals(squashed));
    if (joined.size() == 1) {
      return new Found(joined.get(0));
    }
    if (wanted.length() < SHORTEST_PART) {
      // "intercept on at al", "... at D": a name this short is no location's start or inside, only a typo or a line
      // sent too early; a change must never run at the one location that happens to have those letters
      return new NotFound(List.of());
    }
    var prefix = matching(named, name -> name.startsWith(wanted));
    if (prefix.size() == 1) {
      return new Found(prefix.get(0));
    }
    var contains = matching(named, name -> name.contains(wanted));
    if (contains.size() == 1) {
      return new Found(contains.get(0));
    }
    if (prefix.size() > 1) {
      return new Ambiguous(prefix);
    }
    if (contains.size() > 1) {
      return new Ambiguous(contains);
    }
    // People name a site by its city as `locations` shows it ("Dallas" for HQ): a name never loses to a city.
    var city = named.stream().filter(l -> l.address() != null && l.address().city() != null
        && normalise(l.address().city()).equals(wanted)).toList();
    if (!city.isEmpty()) {
      return city.size() == 1 ? new Found(city.get(0)) : new Ambiguous(city);
    }
    // "the HQ office", "the Dallas site": the words around a name, when no location's own name has them
    String plain = withoutPlaceWords(wanted);
    if (!plain.isEmpty() && !plain.equals(wanted)) {
      LocationMatch without = among(plain, locations, aliases);
      if (!(without instanceof NotFound)) return without;
    }
    Comparator<Location> byDistance = Comparator
        .<Location>comparingInt(l -> EditDistance.of(wanted, normalise(l.name())))
        .thenComparing(l -> normalise(l.name()));
    // Only names a typo away are worth offering: "warehouse" should not suggest "Bangalore".
    int plausible = Math.max(2, wanted.length() / 2);
    return new NotFound(named.stream()
        .filter(l -> EditDistance.of(wanted, normalise(l.name())) <= plausible)
        .sorted(byDistance).limit(CLOSEST).toList());
  }

  private static List<Location> matching(List<Location> locations, Predicate<String> test) {
    return locations.stream().filter(l -> test.test(normalise(l.name()))).toList();
  }

  /** Both sides in one form: what was typed and what Webex names (decomposed, fullwidth, any case). */
  /**
   * "the", "office" or "site" after a name, and an aside in brackets (in {@link NameKey}'s form): said around a name,
   * no part of it.
   */
  private static String withoutPlaceWords(String name) {
    String plain = name.startsWith("the ") ? name.substring(4) : name;
    int aside = plain.lastIndexOf(" (");
    if (aside > 0 && plain.endsWith(")")) plain = plain.substring(0, aside); // "HQ (storm)"
    int colon = plain.indexOf(": ");
    if (colon > 0) plain = plain.substring(0, colon); // "HQ: storm"
    for (String word : List.of(" office", " site", " branch", " building", " location", " campus")) {
      if (plain.endsWith(word)) return plain.substring(0, plain.length() - word.length()).strip();
    }
    return plain.strip();
  }

  private static String normalise(String name) {
    return NameKey.of(name);
  }
}
