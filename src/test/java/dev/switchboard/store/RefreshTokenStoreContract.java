package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calling.RefreshTokenStore;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokenStore} promises, in a file and in the database: the newest token, kept. */
abstract class RefreshTokenStoreContract {

  /** A store on this test's shared place; each call a new instance (a restart, another replica). */
  abstract RefreshTokenStore open();

  @Test
  void nothingSaved_loadsNothing() {
    assertThat(open().load()).isEmpty();
  }

  @Test
  void saved_isWhatAStoreOpenedAgainLoads_andASaveReplacesIt() {
    RefreshTokenStore store = open();
    store.save("first");
    assertThat(open().load()).contains("first");
    open().save("second");
    assertThat(store.load()).contains("second");
  }

  @Test
  void exchanging_runsTheExchange_andReturnsItsResult() {
    RefreshTokenStore store = open();
    assertThat(store.exchanging(() -> {
      store.save("rotated");
      return "access";
    })).isEqualTo("access");
    assertThat(open().load()).contains("rotated");
  }
}
