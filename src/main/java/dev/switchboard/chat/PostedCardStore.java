package dev.switchboard.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * The cards the bot posted, by message id, with their room and thread: a button press is checked against what was
 * posted. A file for one instance ({@code chat.webex.PostedCards}); the database when replicas share them, since a
 * press may reach another replica than the one that posted the card.
 */
public interface PostedCardStore {

  /** One card: its message id, its room, and the root of the thread it was posted in (itself when it is a root). */
  record Card(String messageId, String roomId, String threadRoot) {
    public Card {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(roomId, "roomId");
      Objects.requireNonNull(threadRoot, "threadRoot");
    }
  }

  /** Remembers a card the bot has just posted; a failure to keep it is logged, never thrown at the poster. */
  void remember(Card card);

  /** The card with this message id, if the bot posted it and still remembers it. */
  Optional<Card> find(String messageId);
}
