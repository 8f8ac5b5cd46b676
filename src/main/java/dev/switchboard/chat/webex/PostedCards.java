package dev.switchboard.chat.webex;

import dev.switchboard.chat.PostedCardStore;
import dev.switchboard.ops.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cards the bot posted, by message id, with their room and thread, so a button press is checked against what
 * the bot remembers posting instead of by reading the card back: in a group space Webex lets a bot read only the
 * messages that mention it, and its own card does not.
 *
 * <p>Kept in a small file in the data directory (created 0600), one line per card, so a press after a restart
 * still works; bounded to the newest {@value #LIMIT} cards in memory, and the file is rewritten to those once it
 * holds twice as many lines. A file of its own rather than the audit log: the audit records what was asked and
 * done, not which messages the bot posted, and it belongs to {@code ops}, which knows nothing of Webex cards. A card
 * older than the newest {@value #LIMIT} is forgotten, and its buttons are answered with "type the command".
 */
public final class PostedCards implements PostedCardStore {

  /** How many cards are remembered: far more than are pending at once (a preview waits 2 minutes). */
  static final int LIMIT = 5_000;

  private static final Logger log = LoggerFactory.getLogger(PostedCards.class);

  private final Path file; // null: in memory only
  private final int limit;
  private final LinkedHashMap<String, Card> cards = new LinkedHashMap<>(); // guarded by this, oldest first
  private int linesInFile;

  private PostedCards(Path file, int limit) {
    this.file = file;
    this.limit = limit;
  }

  /** Cards remembered in memory only, for a bot without a data directory. */
  public static PostedCards inMemory() {
    return new PostedCards(null, LIMIT);
  }

  /** Cards remembered in {@code file}, read back from it; the file (and its directory) is created when missing. */
  public static PostedCards open(Path file) {
    return open(file, LIMIT);
  }

  static PostedCards open(Path file, int limit) {
    PostedCards posted = new PostedCards(file, limit);
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) Files.createDirectories(dir);
      if (!Files.exists(file)) {
        PrivateFiles.create(file);
        return posted;
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t");
        if (parts.length == 3) posted.keep(new Card(parts[0], parts[1], parts[2]));
        posted.linesInFile++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the posted cards in " + file + ": " + e.getMessage(), e);
    }
    return posted;
  }

  /** Remembers a card the bot has just posted. A file that cannot be written is logged; the card is still kept. */
  @Override
  public synchronized void remember(Card card) {
    keep(card);
    if (file == null) return;
    try {
      Files.writeString(file, line(card), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      if (++linesInFile > 2 * limit) compact();
    } catch (IOException e) {
      log.warn("Could not write posted card {} to {}: {}; it is remembered until restart", card.messageId(), file,
          e.getMessage());
    }
  }

  /** The card with this message id, if the bot posted it and still remembers it. */
  @Override
  public synchronized Optional<Card> find(String messageId) {
    return Optional.ofNullable(messageId == null ? null : cards.get(messageId));
  }

  private static String line(Card card) {
    return card.messageId() + '\t' + card.roomId() + '\t' + card.threadRoot() + '\n';
  }

  private void keep(Card card) {
    cards.remove(card.messageId());
    cards.put(card.messageId(), card);
    while (cards.size() > limit) {
      cards.remove(cards.keySet().iterator().next());
    }
  }

  /** Rewrites the file to the cards in memory: a new private file, moved over the old one. */
  private void compact() throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    PrivateFiles.create(temp);
    List<String> lines = new ArrayList<>(cards.size());
    for (Map.Entry<String, Card> entry : cards.entrySet()) lines.add(line(entry.getValue()));
    Files.writeString(temp, String.join("", lines), StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    linesInFile = cards.size();
  }
}
