package dev.switchboard.chat.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Await;
import dev.switchboard.chat.PostedCardStore.Card;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CardMemoryTest {

  private final CardMemory memory = CardMemory.inMemory();

  @Test
  void aPressOnACardWhosePostHasNotAnsweredYet_waitsForThePost_andFindsIt() throws Exception {
    CountDownLatch webexAnswers = new CountDownLatch(1);
    CompletableFuture<String> post = CompletableFuture.supplyAsync(() -> memory.whilePosting("room-1", () -> {
      await(webexAnswers);
      memory.remember(new Card("card-1", "room-1", "root-1"));
      return "card-1";
    }));
    // The post is under way (on the common pool) before the press comes, as when Webex delivers the press first.
    Await.until(() -> Optional.of(memory.posting("room-1")).filter(Boolean::booleanValue));
    AtomicReference<Optional<Card>> found = new AtomicReference<>();
    Thread press = new Thread(() -> {
      try {
        found.set(memory.pressed("card-1", "room-1"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    press.start();
    // The press is parked on the post under way before Webex answers the post.
    Await.until(() -> Optional.of(press.getState()).filter(s -> s == Thread.State.TIMED_WAITING));
    assertThat(found.get()).isNull();

    webexAnswers.countDown();
    press.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(post.get(10, TimeUnit.SECONDS)).isEqualTo("card-1");
    assertThat(found.get()).contains(new Card("card-1", "room-1", "root-1"));
  }

  @Test
  void aPressOnAnUnknownCard_waitsOnlyForPostsInItsOwnRoom() throws Exception {
    CountDownLatch webexAnswers = new CountDownLatch(1);
    CompletableFuture<Object> elsewhere = CompletableFuture.supplyAsync(() -> memory.whilePosting("room-2", () -> {
      await(webexAnswers);
      return null;
    }));
    Await.until(() -> Optional.of(memory.posting("room-2")).filter(Boolean::booleanValue));
    try {
      // Answered while the post in room 2 is still waiting for Webex.
      CompletableFuture<Optional<Card>> press = CompletableFuture.supplyAsync(() -> pressed("card-9", "room-1"));
      assertThat(Await.until(() -> Optional.ofNullable(press.getNow(null)))).isEmpty();
      assertThat(memory.posting("room-2")).isTrue();
    } finally {
      webexAnswers.countDown();
      elsewhere.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCardRememberedInAnotherRoom_isNotThePressedOne() throws Exception {
    memory.remember(new Card("card-1", "room-1", "card-1"));
    assertThat(memory.pressed("card-1", "room-2")).isEmpty();
    assertThat(memory.pressed("card-1", "room-1")).isPresent();
  }

  @Test
  void aPostThatFails_isNoLongerUnderWay() throws Exception {
    assertThatThrownBy(() -> memory.whilePosting("room-1", () -> {
      throw new IllegalStateException("Webex said 502");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(memory.posting("room-1")).isFalse();
    assertThat(pressed("card-1", "room-1")).isEmpty();
  }

  private Optional<Card> pressed(String messageId, String roomId) {
    try {
      return memory.pressed(messageId, roomId);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
