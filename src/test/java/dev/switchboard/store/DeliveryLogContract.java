package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestClock;
import dev.switchboard.chat.DeliveryLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryLog} promises, in memory and in the database: an id runs once per replay window. */
abstract class DeliveryLogContract {

  static final Duration WINDOW = Duration.ofHours(1);

  final TestClock clock = new TestClock();

  /** A log reading {@code clock}, keeping ids for {@link #WINDOW}. */
  abstract DeliveryLog open();

  @Test
  void firstOffer_isFirst_andEveryRepeatIsNot() {
    DeliveryLog log = open();
    assertThat(log.firstTime("webex:m1")).isTrue();
    assertThat(log.firstTime("webex:m1")).isFalse();
    assertThat(log.firstTime("webex:m1")).isFalse();
  }

  @Test
  void sameId_fromAnotherSource_isAnotherDelivery() {
    DeliveryLog log = open();
    assertThat(log.firstTime("webex:1")).isTrue();
    assertThat(log.firstTime("slack:1")).isTrue();
  }

  @Test
  void repeat_withinTheWindow_isNotFirst_butAfterItIs() {
    DeliveryLog log = open();
    assertThat(log.firstTime("webex:m1")).isTrue();
    clock.advance(WINDOW.minusMinutes(1));
    assertThat(log.firstTime("webex:m1")).isFalse();
    clock.advance(WINDOW.plusMinutes(1));
    assertThat(log.firstTime("webex:m1")).isTrue();
  }

  @Test
  void manyOffersAtOnce_ofOneId_exactlyOneIsFirst() throws Exception {
    DeliveryLog log = open();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> offers = new ArrayList<>();
      for (int i = 0; i < 32; i++) offers.add(() -> log.firstTime("webex:raced"));
      int first = 0;
      for (Future<Boolean> offer : pool.invokeAll(offers)) first += offer.get() ? 1 : 0;
      assertThat(first).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }
}
