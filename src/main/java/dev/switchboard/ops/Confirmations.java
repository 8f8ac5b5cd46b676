package dev.switchboard.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes waiting for their requester's {@code yes}: one per person per conversation, expiring
 * after two minutes. Expired ones are kept a little longer so the late {@code yes} hears why.
 */
final class Confirmations {

  static final Duration LIFETIME = Duration.ofMinutes(2);
  private static final Duration REMEMBER_EXPIRED = Duration.ofMinutes(30);

  /** A change shown as a preview; {@code plan} is what {@code yes} carries out. */
  record Pending(Requester requester, String requesterName, String command, Object plan, Instant created) {}

  /** What a {@code yes} or {@code cancel} finds. */
  sealed interface Lookup {
    record Found(Pending pending) implements Lookup {}

    record Expired(Pending pending) implements Lookup {}

    /** Nothing of this person's; {@code other} is someone else's pending change here, if any. */
    record Nothing(Pending other) implements Lookup {}
  }

  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  Confirmations(Clock clock) {
    this.clock = clock;
  }

  void put(Pending change) {
    forgetOld();
    pending.put(change.requester().key(), change);
  }

  /** Removes and returns the requester's pending change. */
  Lookup take(Requester requester) {
    forgetOld();
    Pending found = pending.remove(requester.key());
    if (found == null) return new Lookup.Nothing(othersHere(requester).orElse(null));
    if (expired(found)) return new Lookup.Expired(found);
    return new Lookup.Found(found);
  }

  private Optional<Pending> othersHere(Requester requester) {
    return pending.values().stream()
        .filter(p -> p.requester().platform() == requester.platform()
            && p.requester().conversation().equals(requester.conversation())
            && !expired(p))
        .findFirst();
  }

  private boolean expired(Pending p) {
    return !clock.instant().isBefore(p.created().plus(LIFETIME));
  }

  private void forgetOld() {
    Instant horizon = clock.instant().minus(REMEMBER_EXPIRED);
    pending.values().removeIf(p -> p.created().isBefore(horizon));
  }
}
