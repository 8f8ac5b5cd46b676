package dev.switchboard.chat.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posted cards survive a restart, stay bounded, and live in a file only the service can read. */
final class PostedCardsTest {

  @TempDir Path dir;

  @Test
  void rememberedCard_isFoundAfterARestart_withItsRoomAndThread() {
    Path file = dir.resolve("data/webex-cards");
    PostedCards.open(file).remember(new PostedCards.Card("M1", "R1", "ROOT1"));

    PostedCards reopened = PostedCards.open(file);

    assertThat(reopened.find("M1")).contains(new PostedCards.Card("M1", "R1", "ROOT1"));
    assertThat(reopened.find("M2")).isEmpty();
    assertThat(reopened.find(null)).isEmpty();
  }

  @Test
  void file_isCreatedReadableByTheServiceOnly() throws Exception {
    Path file = dir.resolve("webex-cards");
    PostedCards.open(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void onlyTheNewestCardsAreKept_andTheFileIsCompactedToThem() throws Exception {
    Path file = dir.resolve("webex-cards");
    PostedCards cards = PostedCards.open(file, 3);
    for (int i = 1; i <= 7; i++) cards.remember(new PostedCards.Card("M" + i, "R", "M" + i));

    PostedCards reopened = PostedCards.open(file, 3);

    assertThat(cards.find("M4")).isEmpty();
    assertThat(cards.find("M5")).isPresent();
    assertThat(Files.readAllLines(file)).hasSizeLessThanOrEqualTo(6);
    assertThat(reopened.find("M7")).isPresent();
    assertThat(reopened.find("M4")).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }
}
