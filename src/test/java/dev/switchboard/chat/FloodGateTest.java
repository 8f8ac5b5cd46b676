package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A flood of commands: none starts, each sender is told busy, and they run again once it stops. */
final class FloodGateTest {

  private final AtomicLong nanos = new AtomicLong(5 * FloodGate.WINDOW_NANOS);
  /** A flood from 100 a second: 10 in a tenth of one. */
  private final FloodGate gate = new FloodGate(100, nanos::get);

  /** Offers {@code n}; how many of them found the gate shut. */
  private int offer(int n) {
    int shut = 0;
    for (int i = 0; i < n; i++) if (gate.offerShut()) shut++;
    return shut;
  }

  private void later(double tenths) {
    nanos.addAndGet((long) (tenths * FloodGate.WINDOW_NANOS));
  }

  @Test
  void aFloodsWorthInOneTenth_shutsTheGate_atOnce_andForTheNextTenth() {
    assertThat(offer(9)).isZero();
    assertThat(offer(1)).as("the tenth offer in a tenth of a second").isEqualTo(1);
    assertThat(gate.perSecond()).isEqualTo(100);

    later(1);
    assertThat(offer(1)).as("the last full tenth held the flood").isEqualTo(1);
    assertThat(gate.perSecond()).isEqualTo(100);

    later(1);
    assertThat(offer(1)).as("a quiet tenth since").isZero();
  }

  @Test
  void ordinaryLoad_spreadOverTime_neverShutsIt() {
    for (int tenth = 0; tenth < 100; tenth++) {
      assertThat(offer(9)).isZero();
      later(1);
    }
    assertThat(gate.perSecond()).isEqualTo(90);
  }

  @Test
  void aFloodThatStoppedLongAgo_isOver() {
    offer(50);
    later(30);
    assertThat(gate.perSecond()).isZero();
    assertThat(offer(1)).isZero();
  }

  @Test
  void anOpenGate_neverShuts_andATooSmallRateIsRefused() {
    FloodGate open = FloodGate.open();
    for (int i = 0; i < 100_000; i++) assertThat(open.offerShut()).isFalse();
    assertThatThrownBy(() -> new FloodGate(9, nanos::get)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inAFlood_theInboxStartsNothing_andTellsTheSenderBusy_thenRunsAgainOnceItStops() throws Exception {
    CommandPool pool = new CommandPool(64, gate);
    Inbox inbox = new Inbox(new Deliveries(Ticker.systemTicker()), pool);
    try {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch noticed = new CountDownLatch(1);
      CountDownLatch ranNine = new CountDownLatch(9);
      for (int i = 0; i < 9; i++) inbox.take("webex:m" + i, ranNine::countDown, "room|ana", refused -> {});
      assertThat(ranNine.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(inbox.take("webex:m9", runs::incrementAndGet, "room|ana", refused -> noticed.countDown()))
          .isEqualTo(Fate.BUSY);
      assertThat(noticed.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(runs).hasValue(0);

      later(2);
      CountDownLatch ran = new CountDownLatch(1);
      assertThat(inbox.take("webex:m10", ran::countDown, "room|ana", refused -> {})).isEqualTo(Fate.STARTED);
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      inbox.close();
      pool.shutdown(Duration.ofSeconds(5));
    }
  }
}
