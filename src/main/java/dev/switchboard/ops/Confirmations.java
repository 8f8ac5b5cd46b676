package dev.switchboard.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes waiting for their requester's {@code yes}: one per person per conversation, expiring
 * after two minutes. Expired ones are kept a little longer so the late {@code yes} hears why.
 */
public final class Confirmations {

  static final Duration LIFETIME = Duration.ofMinutes(2);
  /** How long a preview waits, as its confirm line says it. */
  public static final int MINUTES = (int) LIFETIME.toMinutes();
  private static final Duration REMEMBER_EXPIRED = Duration.ofMinutes(30);

  /**
   * A change shown as a preview; {@code plan} is what {@code yes} carries out, {@code id} what the
   * preview's buttons name.
   */
  public record Pending(String id, Requester requester, String requesterName, String command, Plan plan,
      Instant created) {
    public Pending(Requester requester, String requesterName, String command, Plan plan, Instant created) {
      this(UUID.randomUUID().toString(), requester, requesterName, command, plan, created);
    }
  }

  /** What a {@code yes} or {@code cancel} finds. */
  sealed interface Lookup {
    record Found(Pending pending) implements Lookup {}

    record Expired(Pending pending) implements Lookup {}

    /** Nothing of this person's; {@code other} is someone else's pending change here, if any. */
    record Nothing(Pending other) implements Lookup {}

    /** A button of an older preview was pressed; the current one is left waiting. */
    record Stale(Pending current) implements Lookup {}
  }

  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  Confirmations(Clock clock) {
    this.clock = clock;
  }

  /** Whether this requester has anything waiting here, an offer or a preview. */
  boolean waiting(Requester requester) {
    Pending found = pending.get(requester.key());
    return found != null && !expired(found);
  }

  /** Drops the requester's "did you mean" offer, if that is what is waiting: they said something else. */
  void dropOffer(Requester requester) {
    Pending found = pending.get(requester.key());
    if (found != null && found.plan() instanceof Plan.Suggestion) pending.remove(requester.key(), found);
  }

  public void put(Pending change) {
    forgetOld();
    pending.put(change.requester().key(), change);
  }

  /**
   * Removes and returns the requester's pending change. With a {@code ref} (a button press), only
   * the pending change that button belongs to is taken.
   */
  Lookup take(Requester requester, String ref) {
    forgetOld();
    Pending found = pending.get(requester.key());
    if (found == null) return new Lookup.Nothing(othersHere(requester).orElse(null));
    if (ref != null && !ref.equals(found.id())) return new Lookup.Stale(found);
    if (!pending.remove(requester.key(), found)) return take(requester, ref);
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
