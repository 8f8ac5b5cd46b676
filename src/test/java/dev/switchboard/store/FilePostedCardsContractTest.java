package dev.switchboard.store;

import dev.switchboard.chat.PostedCardStore;
import dev.switchboard.chat.webex.PostedCards;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The posted-card contract on the file of one instance. */
final class FilePostedCardsContractTest extends PostedCardStoreContract {

  @TempDir Path dir;

  @Override
  PostedCardStore open() {
    return PostedCards.open(dir.resolve("webex-cards"));
  }
}
