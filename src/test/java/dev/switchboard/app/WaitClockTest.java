package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WaitClockTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final WaitClock clock = new WaitClock(now::get);

  private void advanceMs(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }

  @Test
  void callsOneAfterAnother_addUp() {
    clock.started();
    advanceMs(3);
    clock.ended();
    advanceMs(10); // the bot's own work: not waiting
    clock.started();
    advanceMs(2);
    clock.ended();

    assertThat(clock.seconds()).isEqualTo(0.005);
  }

  @Test
  void overlappingCalls_countTheirUnionOnce() {
    clock.started(); // A from 0
    advanceMs(2);
    clock.started(); // B from 2
    advanceMs(3);
    clock.ended(); // A ends at 5
    advanceMs(4);
    clock.ended(); // B ends at 9
    advanceMs(5);

    assertThat(clock.seconds()).as("0..9 once, not 5 + 7").isEqualTo(0.009);
  }

  @Test
  void aCallInFlight_countsUpToNow() {
    clock.started();
    advanceMs(7);

    assertThat(clock.seconds()).isEqualTo(0.007);
    advanceMs(1);
    clock.ended();
    assertThat(clock.seconds()).isEqualTo(0.008);
  }

  @Test
  void anEndWithoutAStart_isIgnored() {
    clock.ended();
    clock.started();
    advanceMs(4);
    clock.ended();

    assertThat(clock.seconds()).isEqualTo(0.004);
  }
}
