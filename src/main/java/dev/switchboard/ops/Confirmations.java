package dev.switchboard.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes waiting for their requester's {@code yes}: one per person per conversation, expiring
 * after two minutes. Expired ones are kept a little longer so the late {@code yes} hears why. Kept in a
 * {@link PendingStore}: memory, or the database replicas share.
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

    /** A number where none was offered, or numbered choices answered without a number: left waiting. */
    record Unanswered(Pending current, String question) implements Lookup {}
  }

  private final Clock clock;
  private final PendingStore pending;

  Confirmations(Clock clock) {
    this(clock, PendingStore.inMemory());
  }

  Confirmations(Clock clock, PendingStore pending) {
    this.clock = clock;
    this.pending = pending;
  }

  /** Whether this requester has anything waiting here, an offer or a preview. */
  boolean waiting(Requester requester) {
    return pending.get(requester.key()).filter(found -> !expired(found)).isPresent();
  }

  /** Drops the requester's "did you mean" offer, if that is what is waiting: they said something else. */
  void dropOffer(Requester requester) {
    Pending found = pending.get(requester.key()).orElse(null);
    if (found != null && (found.plan() instanceof Plan.Suggestion || found.plan() instanceof Plan.Choices)) {
      pending.remove(requester.key(), found.id());
    }
  }

  public void put(Pending change) {
    forgetOld();
    pending.put(change);
  }

  /** Offers {@code plan} (a suggestion or numbered choices) to the requester, from now. */
  void offer(Requester requester, String requesterName, String command, Plan plan) {
    put(new Pending(requester, requesterName, command, plan, clock.instant()));
  }

  /**
   * As {@link #take(Requester, String)}, answering with the number {@code choice} picked (null for a plain yes): a
   * number picks a line of numbered choices, which then runs like an accepted suggestion; a number for anything
   * else, a yes or a number out of range for choices, leaves what is waiting and says what it waits for.
   */
  Lookup take(Requester requester, String ref, Integer choice) {
    Pending found = pending.get(requester.key()).orElse(null);
    if (found != null && ref == null && !expired(found)) {
      if (found.plan() instanceof Plan.Choices choices) {
        if (choice == null || choice > choices.lines().size()) {
          return new Lookup.Unanswered(found, "Reply " + choices.numbers() + " to choose; `cancel` to drop it.");
        }
        Lookup taken = take(requester, null);
        if (taken instanceof Lookup.Found f) {
          Pending p = f.pending();
          String line = choices.lines().get(choice - 1);
          return new Lookup.Found(new Pending(p.id(), p.requester(), p.requesterName(), line,
              new Plan.Suggestion(line), p.created()));
        }
        return taken;
      }
      if (choice != null) {
        return new Lookup.Unanswered(found, "There is nothing numbered to choose from: `" + Reply.literal(found.command())
            + "` is waiting for `yes` or `cancel`.");
      }
    }
    return take(requester, ref);
  }

  /**
   * Removes and returns the requester's pending change. With a {@code ref} (a button press), only
   * the pending change that button belongs to is taken.
   */
  Lookup take(Requester requester, String ref) {
    forgetOld();
    Pending found = pending.get(requester.key()).orElse(null);
    if (found == null) return new Lookup.Nothing(othersHere(requester).orElse(null));
    if (ref != null && !ref.equals(found.id())) return new Lookup.Stale(found);
    // The claim: one statement, so of a yes taken by two replicas at once one applies; the other looks again.
    if (!pending.remove(requester.key(), found.id())) return take(requester, ref);
    if (expired(found)) return new Lookup.Expired(found);
    return new Lookup.Found(found);
  }

  private Optional<Pending> othersHere(Requester requester) {
    return pending.inConversation(requester.platform(), requester.conversation()).stream()
        .filter(p -> !expired(p))
        .findFirst();
  }

  private boolean expired(Pending p) {
    return !clock.instant().isBefore(p.created().plus(LIFETIME));
  }

  private void forgetOld() {
    Instant horizon = clock.instant().minus(REMEMBER_EXPIRED);
    pending.forgetBefore(horizon);
  }
}
