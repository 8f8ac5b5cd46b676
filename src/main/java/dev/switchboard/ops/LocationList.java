package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.ops.Reply.Tone;
import java.util.List;
import java.util.Locale;

/** The answer to `locations` and `locations NAME`: how many match, and the first few with city and time zone. */
final class LocationList {

  private LocationList() {}

  static Reply reply(List<Location> all, String filter) {
    List<Location> shown = filter == null ? all : all.stream()
        .filter(l -> l.name().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)))
        .toList();
    if (shown.isEmpty()) {
      return Reply.note(Tone.INFO, "No calling location matches `" + filter + "`.");
    }
    // Only the lines shown are written: an org has hundreds of locations, a reply shows a few.
    List<String> lines = shown.stream().limit(Replies.LIST_LIMIT).map(LocationList::describe).toList();
    return Reply.of(Tone.INFO, Replies.plural(shown.size(), "calling location", "calling locations")
            + (filter == null ? "." : " matching `" + filter + "`."))
        .block(new Reply.Block.Items(lines, shown.size() - lines.size()))
        .build();
  }

  private static String describe(Location l) {
    StringBuilder line = new StringBuilder("**").append(l.name()).append("**");
    if (l.address() != null && l.address().city() != null) {
      line.append(" — ").append(l.address().city());
      if (l.address().country() != null) line.append(", ").append(l.address().country());
    }
    if (l.timeZone() != null) line.append(" (").append(l.timeZone()).append(")");
    return line.toString();
  }
}
