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
  void firstTime_acrossTheTurnOfTheMemory_keepsWhatIsWithinTheWindow() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.firstTime("early");
    ticker.advance(Duration.ofMinutes(50));
    deliveries.firstTime("late");
    ticker.advance(Duration.ofMinutes(20)); // the memory turns at the next offer: "late" is 20 minutes old
    assertThat(deliveries.firstTime("late")).isFalse();
    assertThat(deliveries.firstTime("early")).isTrue();
    ticker.advance(Duration.ofMinutes(59)); // "early" was taken anew 59 minutes ago, "late" 79
    assertThat(deliveries.firstTime("early")).isFalse();
    assertThat(deliveries.firstTime("late")).isTrue();
  }

  @Test
  void firstTime_quietForHours_forgetsWhatIsOlder() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.firstTime("m1");
    ticker.advance(Duration.ofHours(5));
    assertThat(deliveries.firstTime("m1")).isTrue();
    assertThat(deliveries.firstTime("m1")).isFalse();
  }

  @Test
  void firstTime_moreIdsThanTheBound_forgetsTheOldestAndKeepsTheNewest() {
    Deliveries deliveries = new Deliveries(ticker, Deliveries.WINDOW, 10);
    for (int i = 0; i < 23; i++) assertThat(deliveries.firstTime("m" + i)).isTrue();
    for (int i = 15; i < 23; i++) assertThat(deliveries.firstTime("m" + i)).as("m" + i).isFalse();
    assertThat(deliveries.firstTime("m0")).isTrue();
  }

  @Test
  void remember_seededIds_areDuplicates() {
    Deliveries deliveries = new Deliveries(ticker);
    deliveries.remember(List.of("m1", "m2"));
    assertThat(deliveries.firstTime("m2")).isFalse();
  }
}
