package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import java.util.List;

/** Reads intercept at many locations through the org's gate: for status, previews and the daily report. */
final class InterceptReads {

  /** What one location showed, or why it could not be read ({@code settings} null then). */
  record Reading(Location location, InterceptSettings settings, String problem) {
    boolean ok() {
      return settings != null;
    }

    /** "HQ: could not read — …", for a list. */
    String problemLine() {
      return location.name() + ": " + problem;
    }
  }

  private final WebexClient bulkClient;
  private final BulkRunner bulk;

  InterceptReads(WebexClient client, BulkRunner bulk) {
    this.bulkClient = client.withoutRateLimitWaits();
    this.bulk = bulk;
  }

  /** One reading per location, in order; a location not read because of a shutdown says so. */
  List<Reading> readAll(List<Location> locations) {
    return bulk.<Location, Reading>run(locations, location -> calls -> {
      try {
        return new Reading(location, calls.call(() -> bulkClient.locationIntercept(location.id())), null);
      } catch (WebexException e) {
        return new Reading(location, null, "could not read — " + Replies.explain(e));
      }
    }).stream().map(outcome -> !outcome.started() ? new Reading(outcome.target(), null, "not read (shutting down)")
        : outcome.failure() != null ? new Reading(outcome.target(), null, "could not read — " + outcome.failure())
        : outcome.result()).toList();
  }
}
