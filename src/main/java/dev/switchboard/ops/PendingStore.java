package dev.switchboard.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where previews wait for their {@code yes}: in memory for one instance, in the database when replicas share them
 * (a {@code yes} may reach another replica than the one that showed the preview). Keyed by
 * {@link Requester#key()}: one per person per conversation.
 */
public interface PendingStore {

  Optional<Confirmations.Pending> get(String key);

  /** Keeps {@code pending} for its requester, in place of what was waiting there. */
  void put(Confirmations.Pending pending);

  /**
   * Takes the pending change {@code id} away, in one step: true for exactly one of several callers (a confirm pressed
   * on two replicas at once applies once), false when it is gone or was replaced.
   */
  boolean remove(String key, String id);

  /** What waits in one conversation, anyone's. */
  List<Confirmations.Pending> inConversation(Requester.Platform platform, String conversation);

  /** Forgets what was created before {@code horizon}. */
  void forgetBefore(Instant horizon);

  /** The previews of one instance, in memory. */
  static PendingStore inMemory() {
    Map<String, Confirmations.Pending> pending = new ConcurrentHashMap<>();
    return new PendingStore() {
      @Override
      public Optional<Confirmations.Pending> get(String key) {
        return Optional.ofNullable(pending.get(key));
      }

      @Override
      public void put(Confirmations.Pending p) {
        pending.put(p.requester().key(), p);
      }

      @Override
      public boolean remove(String key, String id) {
        Confirmations.Pending found = pending.get(key);
        return found != null && found.id().equals(id) && pending.remove(key, found);
      }

      @Override
      public List<Confirmations.Pending> inConversation(Requester.Platform platform, String conversation) {
        return pending.values().stream().filter(p -> p.requester().platform() == platform
            && p.requester().conversation().equals(conversation)).toList();
      }

      @Override
      public void forgetBefore(Instant horizon) {
        pending.values().removeIf(p -> p.created().isBefore(horizon));
      }
    };
  }
}
