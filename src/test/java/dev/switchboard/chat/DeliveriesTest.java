package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class DeliveriesTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @Test
  void firstTime_sameIdTwice_onlyFirstIsNew() {
    Deliveries deliveries = new Deliveries(ticker);
    assertThat(deliveries.firstTime("m1")).isTrue();
    assertThat(deliveries.firstTime("m1")).isFalse();
    assertThat(deliveries.firstTime("m2")).isTrue();
  }

  @Test
  void firstTime_redeliveredSixMinutesLater_stillADuplicate() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.firstTime("m1");
    nanos.addAndGet(Duration.ofSeconds(368).toNanos());
    assertThat(deliveries.firstTime("m1")).isFalse();
  }

  @Test
  void firstTime_afterTheWindow_isNewAgain() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.firstTime("m1");
    nanos.addAndGet(Deliveries.WINDOW.plusSeconds(1).toNanos());
    assertThat(deliveries.firstTime("m1")).isTrue();
  }

  @Test
  void remember_seededIds_areDuplicates() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.remember(List.of("m1", "m2"));
    assertThat(deliveries.firstTime("m2")).isFalse();
  }
}
