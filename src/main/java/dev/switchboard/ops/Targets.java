package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.LocationTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the locations a command names into Webex locations, or a reply saying which name failed. */
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
    List<String> names = ((LocationTarget.Named) target).names();
    Map<String, Location> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      LocationMatch match = directory.match(name);
      if (match instanceof LocationMatch.Found f) {
        found.putIfAbsent(f.location().id(), f.location());
      } else if (match instanceof LocationMatch.Ambiguous a) {
        problems.add("`" + name + "` matches several locations: did you mean "
            + Replies.alternatives(a.candidates().stream().map(l -> "`" + l.name() + "`").toList()) + "?");
      } else if (directory.withoutCalling(name).isPresent()) {
        problems.add("`" + directory.withoutCalling(name).get().name() + "` has no Webex Calling, so it has no "
            + "call intercept.");
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
}
