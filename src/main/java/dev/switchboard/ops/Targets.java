package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.LocationTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the locations a command names into Webex locations, or a reply saying which name failed. Names typed with
 * only spaces between them ("Austin Denver") are split where each part is a location; "all except …" is every
 * calling location but the named ones, each of which must match.
 */
final class Targets {

  private Targets() {}

  /** Either the locations, or the reply that explains why not. */
  sealed interface Resolved {
    record Locations(List<Location> locations) implements Resolved {}

    record Problem(Reply reply) implements Resolved {}
  }

  static Resolved resolve(LocationTarget target, LocationDirectory directory) {
    if (target instanceof LocationTarget.All) {
      List<Location> all = directory.all();
      if (all.isEmpty()) {
        return new Resolved.Problem(Reply.note(Tone.INFO, "This organisation has no calling-enabled locations."));
      }
      return new Resolved.Locations(all);
    }
    if (target instanceof LocationTarget.Mine) {
      // Operations puts the asker's own locations in first (MyLocations): reaching here is a caller's slip
      return new Resolved.Problem(Reply.note(Tone.WARNING, "Name the locations, as in `intercept status at HQ`."));
    }
    if (target instanceof LocationTarget.AllExcept except) {
      Resolved excluded = resolve(except.excluded(), directory);
      if (excluded instanceof Resolved.Problem) return excluded;
      List<Location> left = ((Resolved.Locations) excluded).locations();
      List<Location> rest = directory.all().stream()
          .filter(l -> left.stream().noneMatch(x -> x.id().equals(l.id()))).toList();
      if (rest.isEmpty()) {
        return new Resolved.Problem(Reply.note(Tone.INFO, "That leaves out every calling location; nothing was done."));
      }
      return new Resolved.Locations(rest);
    }
    List<String> names = ((LocationTarget.Named) target).names();
    Map<String, Location> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      String[] words = name.split(" ");
      LocationMatch match = directory.probe(name);
      List<Location> parts = match instanceof LocationMatch.Found ? List.of() : split(words, 0, directory);
      if (match instanceof LocationMatch.NotFound && parts.isEmpty()) {
        // Neither one name nor several: perhaps a location added since the list was read.
        match = directory.match(name);
        if (match instanceof LocationMatch.NotFound) parts = split(words, 0, directory);
      }
      Lead lead = match instanceof LocationMatch.NotFound ? leading(words, directory) : null;
      if (!parts.isEmpty()) {
        parts.forEach(l -> found.putIfAbsent(l.id(), l));
      } else if (match instanceof LocationMatch.Found f) {
        found.putIfAbsent(f.location().id(), f.location());
      } else if (match instanceof LocationMatch.Ambiguous a) {
        problems.add("`" + name + "` matches several locations: did you mean "
            + Replies.alternatives(a.candidates().stream().map(l -> "`" + l.name() + "`").toList()) + "?");
      } else if (directory.withoutCalling(name).isPresent()) {
        problems.add("`" + directory.withoutCalling(name).get().name() + "` has no Webex Calling, so it has no "
            + "call intercept.");
      } else if (lead != null) {
        // "HQ press 0 goes to …": the words after a location's name are what was not understood, not a name.
        problems.add("I understood the location `" + lead.location().name() + "`, but not `" + lead.rest()
            + "`. Type `help intercept` for the options I know.");
      } else if (match instanceof LocationMatch.NotFound n) {
        String hint = n.closest().isEmpty() ? " Type `locations` to see them all."
            : " Did you mean " + Replies.alternatives(n.closest().stream().map(l -> "`" + l.name() + "`").toList())
                + "?";
        problems.add("There is no calling location called `" + name + "`." + hint);
      }
    }
    if (!problems.isEmpty()) {
      Reply.Builder reply = Reply.of(Tone.WARNING, "I could not match every location name; nothing was done.");
      problems.forEach(reply::text);
      return new Resolved.Problem(reply.build());
    }
    return new Resolved.Locations(List.copyOf(found.values()));
  }

  private record Lead(Location location, String rest) {}

  /** The longest run of leading words that names a location, with the words after it; null when none does. */
  private static Lead leading(String[] words, LocationDirectory directory) {
    for (int end = words.length - 1; end > 0; end--) {
      String piece = String.join(" ", java.util.Arrays.copyOfRange(words, 0, end));
      if (directory.probe(piece) instanceof LocationMatch.Found f) {
        return new Lead(f.location(), String.join(" ", java.util.Arrays.copyOfRange(words, end, words.length)));
      }
    }
    return null;
  }

  /** "Austin Denver": the fewest runs of words from {@code from}, each a location; empty when there are none. */
  private static List<Location> split(String[] words, int from, LocationDirectory directory) {
    if (words.length < 2 || from >= words.length) return List.of();
    for (int end = words.length; end > from; end--) {
      if (from == 0 && end == words.length) continue; // the whole name did not match
      String piece = String.join(" ", java.util.Arrays.copyOfRange(words, from, end));
      if (!(directory.probe(piece) instanceof LocationMatch.Found f)) continue;
      if (end == words.length) return List.of(f.location());
      List<Location> rest = split(words, end, directory);
      if (!rest.isEmpty()) {
        List<Location> all = new ArrayList<>(List.of(f.location()));
        all.addAll(rest);
        return all;
      }
    }
    return List.of();
  }
}
