package dev.switchboard.ops;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where audit entries are kept, in the order they happened: every change, refusal, intent and outcome. The file
 * log ({@link AuditLog}) is the one kept today; tests wrap it to fail at a chosen step.
 */
public interface AuditStore {

  /** Keeps the entry durably (forced to disk) before returning; throws {@link Unavailable} when it cannot. */
  void append(AuditEntry entry);

  /** The entries that match, oldest first. */
  List<AuditEntry> entries(Predicate<AuditEntry> filter);

  /** The entries of one batch (one command's changes), oldest first. */
  default List<AuditEntry> batch(String batch) {
    return entries(e -> batch.equals(e.batch()));
  }

  /**
   * Shows {@code visitor} the entries newest first until it returns false, so that a search for someone's latest
   * change stops there instead of reading every entry since the log began. The visitor must be quick and must not
   * write to the store.
   */
  default void newestFirst(Predicate<AuditEntry> visitor) {
    List<AuditEntry> all = entries(e -> true);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (!visitor.test(all.get(i))) return;
    }
  }

  /** Intents whose outcome is not recorded yet, oldest first. */
  List<AuditEntry> unsettled();

  /** The store cannot keep entries right now (disk full, read-only, an I/O error): nothing may be changed. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }

    /** The cause in a few words for people, e.g. "No space left on device". */
    public String reason() {
      Throwable root = getCause() == null ? this : getCause();
      String words = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      return words.length() > 120 ? words.substring(0, 120) + "…" : words;
    }
  }
}
