package dev.switchboard.chat.webex;

import dev.switchboard.chat.PostedCardStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cards the bot posted ({@link PostedCardStore}), and the card posts still under way in each room.
 *
 * <p>A card is remembered once Webex answers its post with the message id, but Webex may show the card, and a
 * person press it, before that answer reaches the bot. A press on a card the bot does not know yet therefore waits
 * for the posts under way in its room before it is answered with "I no longer remember that card". Posts made by
 * another replica are not seen here; theirs reach the shared store when they finish.
 */
public final class CardMemory {

  /** The longest a press waits for a post under way: more than a post takes before the client gives up on it. */
  static final Duration POST_WAIT = Duration.ofSeconds(15);

  private final PostedCardStore store;
  private final Map<String, Integer> posting = new HashMap<>(); // room id → card posts under way; guarded by this

  /** Remembers the cards the bot posts in {@code store}. */
  public CardMemory(PostedCardStore store) {
    this.store = store;
  }

  /** Cards remembered in memory only. */
  public static CardMemory inMemory() {
    return new CardMemory(PostedCards.inMemory());
  }

  /**
   * Runs {@code post}, which posts a card in {@code roomId} and remembers it, counted as under way until it returns
   * or throws.
   */
  <T> T whilePosting(String roomId, Supplier<T> post) {
    synchronized (this) {
      posting.merge(roomId, 1, Integer::sum);
    }
    try {
      return post.get();
    } finally {
      synchronized (this) {
        posting.computeIfPresent(roomId, (room, n) -> n == 1 ? null : n - 1);
        notifyAll();
      }
    }
  }

  /** Whether a card post in {@code roomId} is under way. */
  synchronized boolean posting(String roomId) {
    return posting.containsKey(roomId);
  }

  /** Remembers a card the bot has just posted. */
  void remember(PostedCardStore.Card card) {
    store.remember(card);
  }

  /** The card with this message id if the bot remembers it, without waiting for the posts under way. */
  Optional<PostedCardStore.Card> find(String messageId) {
    return store.find(messageId);
  }

  /**
   * The card with this message id, posted in {@code roomId}; when the bot does not know it yet, looked for again
   * once the card posts under way in that room have finished (at most {@link #POST_WAIT}).
   */
  Optional<PostedCardStore.Card> pressed(String messageId, String roomId) throws InterruptedException {
    Optional<PostedCardStore.Card> card = inRoom(messageId, roomId);
    if (card.isPresent() || roomId == null) return card;
    long deadline = System.nanoTime() + POST_WAIT.toNanos();
    while (true) {
      synchronized (this) {
        long left = deadline - System.nanoTime();
        if (!posting.containsKey(roomId) || left <= 0) break;
        wait(Math.max(1, left / 1_000_000));
      }
      // Each post that finishes wakes this press: it may have been this card's.
      card = inRoom(messageId, roomId);
      if (card.isPresent()) return card;
    }
    return inRoom(messageId, roomId);
  }

  private Optional<PostedCardStore.Card> inRoom(String messageId, String roomId) {
    return store.find(messageId).filter(c -> c.roomId().equals(roomId));
  }
}
