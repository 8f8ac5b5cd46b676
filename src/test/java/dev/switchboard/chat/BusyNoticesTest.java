package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Await;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Busy notices: at once for a place's first refusal, then at most one per spacing there, none ever dropped. */
final class BusyNoticesTest {

  private record Posted(String place, int refused, long atNanos) {}

  private final List<Posted> posted = new CopyOnWriteArrayList<>();

  private BusyNotices.Notice to(String place) {
    return refused -> posted.add(new Posted(place, refused, System.nanoTime()));
  }

  private void awaitPosted(int count) {
    Await.until(() -> posted.size() >= count ? Optional.of(true) : Optional.empty());
  }

  @Test
  void aPlaceToldOnce_isNotToldAgainWithinTheSpacing_itsRefusalsFoldAndClosingPostsThem() {
    BusyNotices notices = new BusyNotices(Duration.ofHours(1));
    notices.add("webex|room|ana", to("ana"));
    awaitPosted(1);

    for (int i = 0; i < 3; i++) notices.add("webex|room|ana", to("ana"));
    notices.add("webex|room|bob", to("bob"));
    awaitPosted(2);

    assertThat(posted).extracting(Posted::place).as("another place is told at once").containsExactly("ana", "bob");
    assertThat(notices.waiting()).as("Ana's three wait for her spacing, folded into one").isEqualTo(1);
    notices.close(Duration.ofSeconds(10));
    assertThat(posted).extracting(Posted::place, Posted::refused)
        .containsExactly(Tuple.tuple("ana", 1), Tuple.tuple("bob", 1),
            Tuple.tuple("ana", 3));
    assertThat(notices.waiting()).isZero();
  }

  @Test
  void theFoldedNotice_comesOnceTheSpacingHasPassed_withHowManyWereNotRun() {
    Duration spacing = Duration.ofMillis(300);
    BusyNotices notices = new BusyNotices(spacing);
    try {
      notices.add("slack|C1|ana", to("ana"));
      awaitPosted(1);
      notices.add("slack|C1|ana", to("ana"));
      notices.add("slack|C1|ana", to("ana"));
      awaitPosted(2);

      assertThat(posted.get(1).refused()).isEqualTo(2);
      // The spacing runs from when the first notice was marked told, a moment before its post reached this callback
      // (299.46 ms once, of 300): the callbacks' own times may be that moment closer, as in the flood test below.
      assertThat(posted.get(1).atNanos() - posted.get(0).atNanos())
          .isGreaterThanOrEqualTo(spacing.toNanos() - Duration.ofMillis(5).toNanos());
    } finally {
      notices.close();
    }
  }

  @Test
  void refusalsFromManyThreadsAtOnePlace_areAllCounted_andNoTwoNoticesComeCloserThanTheSpacing() throws Exception {
    Duration spacing = Duration.ofMillis(100);
    BusyNotices notices = new BusyNotices(spacing);
    int threads = 4;
    int each = 2_000;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Thread> flood = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < each; i++) {
          notices.add("webex|room|ana", to("ana"));
          if (i % 100 == 0) Thread.onSpinWait();
        }
      });
      thread.start();
      flood.add(thread);
    }
    start.countDown();
    for (Thread thread : flood) thread.join();
    // No wait for a second notice: when every refusal lands before the first notice is taken, that one notice
    // counts them all (it once did, and the wait timed out). Closing posts whatever still waits.
    notices.close(Duration.ofSeconds(10));

    assertThat(posted.stream().mapToInt(Posted::refused).sum()).as("every refusal told").isEqualTo(threads * each);
    List<Posted> onTurn = posted.subList(0, posted.size() - 1); // the last may be closing's, posted at once
    for (int i = 1; i < onTurn.size(); i++) {
      assertThat(onTurn.get(i).atNanos() - onTurn.get(i - 1).atNanos()).as("notice %d after %d", i, i - 1)
          .isGreaterThanOrEqualTo(spacing.toNanos() - Duration.ofMillis(5).toNanos());
    }
  }
}
