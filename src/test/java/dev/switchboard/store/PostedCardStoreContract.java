package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PostedCardStore;
import dev.switchboard.chat.PostedCardStore.Card;
import org.junit.jupiter.api.Test;

/** What every {@link PostedCardStore} does: a card remembered is found by its message id, by the next process too. */
abstract class PostedCardStoreContract {

  /** The cards of a process (or replica) on this test's storage; each call is another one. */
  abstract PostedCardStore open();

  @Test
  void aCardRemembered_isFoundByTheNextProcess_andOnlyByItsId() {
    open().remember(new Card("M1", "R1", "ROOT1"));

    PostedCardStore next = open();
    assertThat(next.find("M1")).contains(new Card("M1", "R1", "ROOT1"));
    assertThat(next.find("M2")).isEmpty();
    assertThat(next.find(null)).isEmpty();
  }

  @Test
  void aCardRememberedAgain_isKeptAsLastSaid() {
    PostedCardStore cards = open();
    cards.remember(new Card("M1", "R1", "M1"));
    cards.remember(new Card("M1", "R1", "ROOT"));

    assertThat(open().find("M1")).contains(new Card("M1", "R1", "ROOT"));
  }
}
