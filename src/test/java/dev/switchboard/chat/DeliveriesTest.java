package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DeliveriesTest {

  private final TestClock ticker = new TestClock();

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
    ticker.advance(Duration.ofSeconds(368));
    assertThat(deliveries.firstTime("m1")).isFalse();
  }

  @Test
  void firstTime_afterTheWindow_isNewAgain() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.firstTime("m1");
    ticker.advance(Deliveries.WINDOW.plusSeconds(1));
    assertThat(deliveries.firstTime("m1")).isTrue();
  }

  @Test
  void remember_seededIds_areDuplicates() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.remember(List.of("m1", "m2"));
    assertThat(deliveries.firstTime("m2")).isFalse();
  }
}
