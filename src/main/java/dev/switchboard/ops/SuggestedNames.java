package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.command.Command;
import dev.switchboard.command.EditDistance;
import dev.switchboard.command.NameKey;
import dev.switchboard.command.LocationTarget;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "did you mean" for a command with a typo in it often has one in its location too ({@code intercpt on at Denvr}):
 * offered as it was typed, its {@code yes} would only answer "did you mean Denver?". So each location name the
 * suggestion misses is offered as the location it is nearest to, when one is nearer than every other plausible one; a
 * name near none, or equally near several, is left as typed, for the command's own answer to name.
 */
final class SuggestedNames {

  private SuggestedNames() {}

  static String corrected(String suggestion, Command parsed, LocationDirectory directory) {
    LocationTarget target = parsed instanceof Command.InterceptChange change ? change.target()
        : parsed instanceof Command.InterceptStatus status ? status.target() : null;
    LocationTarget.Named named = target instanceof LocationTarget.Named n ? n
        : target instanceof LocationTarget.AllExcept except ? except.excluded() : null;
    if (named == null) return suggestion;
    String out = suggestion;
    try {
      for (String name : named.names()) {
        if (directory.probe(name) instanceof LocationMatch.NotFound notFound) {
          String nearest = nearest(name, notFound.closest());
          if (nearest != null) out = replaceName(out, name, nearest);
        }
      }
    } catch (RuntimeException e) {
      return suggestion; // the locations could not be read: the offer stays as typed, and its yes will say why
    }
    return out;
  }

  /** The one location nearer to {@code name} than every other of the plausible ones, else null (none, or a tie). */
  private static String nearest(String name, List<Location> closest) {
    if (closest.isEmpty()) return null;
    String key = NameKey.of(name);
    int best = EditDistance.of(key, NameKey.of(closest.get(0).name()));
    for (Location other : closest.subList(1, closest.size())) {
      if (EditDistance.of(key, NameKey.of(other.name())) <= best) return null;
    }
    return closest.get(0).name();
  }

  /** The first {@code name}, standing alone (not part of a longer word or name), replaced by {@code by}. */
  static String replaceName(String text, String name, String by) {
    Matcher m = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_-])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_-])").matcher(text);
    return m.find() ? text.substring(0, m.start()) + by + text.substring(m.end()) : text;
  }
}
