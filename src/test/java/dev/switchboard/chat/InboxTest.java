package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The part both front ends share: redeliveries dropped, work on the pool, a busy notice when it is full. */
final class InboxTest {

  private final CommandPool pool = new CommandPool(1);
  private final Inbox inbox = new Inbox(new Deliveries(Ticker.systemTicker()), pool);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    inbox.close();
    pool.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void take_sameDeliveryTwice_runsItOnce() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    Runnable work = () -> {
      runs.incrementAndGet();
      ran.countDown();
    };

    assertThat(inbox.take("webex:m1", work, () -> {})).isEqualTo(Fate.STARTED);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(inbox.take("webex:m1", work, () -> {})).isEqualTo(Fate.DUPLICATE);
    assertThat(runs).hasValue(1);
  }

  @Test
  void take_poolFull_postsTheBusyNotice_andSaysBusy() throws Exception {
    assertThat(pool.trySubmit(this::hold)).isTrue();
    CountDownLatch noticed = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();

    Fate fate = inbox.take("slack:e1", runs::incrementAndGet, noticed::countDown);

    assertThat(fate).isEqualTo(Fate.BUSY);
    assertThat(noticed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(runs).hasValue(0);
  }

  @Test
  void take_withoutAnId_isNeverADuplicate_andWithoutANoticeOnlySaysBusy() {
    assertThat(pool.trySubmit(this::hold)).isTrue();

    assertThat(inbox.take(null, () -> {})).isEqualTo(Fate.BUSY);
    assertThat(inbox.take(null, () -> {})).isEqualTo(Fate.BUSY);
  }

  @Test
  void metric_isTheLowerCaseName() {
    assertThat(Fate.FROM_BOT.metric()).isEqualTo("from_bot");
    assertThat(Fate.STARTED.metric()).isEqualTo("started");
  }

  private void hold() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
