package dev.switchboard.ops;

import java.time.Instant;
import java.util.Optional;

/** What is planned at a location, in words, for the places people look (intercept status). */
@FunctionalInterface
public interface PendingPlans {

  /** E.g. "goes off Wed 25 Nov 08:00 CST, in 2 h (schedule #4 by Ana Admin)"; empty when nothing is planned. */
  Optional<String> at(String locationId, Instant now);

  PendingPlans NONE = (locationId, now) -> Optional.empty();
}
