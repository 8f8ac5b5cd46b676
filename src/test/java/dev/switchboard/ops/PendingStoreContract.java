package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link PendingStore} does: one preview per person per conversation, taken once. */
abstract class PendingStoreContract {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  /** Two views of the same previews (two replicas, or one memory). */
  abstract PendingStore open();

  abstract PendingStore alongside(PendingStore first);

  static Requester person(String user, String conversation) {
    return new Requester(Requester.Platform.WEBEX, user, "p-" + user, user + "@example.com", conversation, "m1");
  }

  static Confirmations.Pending pending(Requester who, String line, Instant created) {
    return new Confirmations.Pending(who, "Ana", line, new Plan.Suggestion(line), created);
  }

  @Test
  void aPreview_isFoundByItsRequesterHere_andTakenOnce() {
    PendingStore a = open();
    PendingStore b = alongside(a);
    Requester ana = person("ana", "room-1");
    Confirmations.Pending shown = pending(ana, "intercept on at HQ", NOW);
    a.put(shown);

    assertThat(b.get(ana.key())).contains(shown);
    assertThat(b.get(person("ana", "room-2").key())).isEmpty();
    assertThat(b.remove(ana.key(), shown.id())).isTrue();
    assertThat(a.remove(ana.key(), shown.id())).isFalse();
    assertThat(a.get(ana.key())).isEmpty();
  }

  @Test
  void aNewerPreview_replacesTheOlder_whoseIdNoLongerTakesIt() {
    PendingStore a = open();
    Requester ana = person("ana", "room-1");
    Confirmations.Pending older = pending(ana, "intercept on at HQ", NOW);
    Confirmations.Pending newer = pending(ana, "intercept off at HQ", NOW.plusSeconds(5));
    a.put(older);
    alongside(a).put(newer);

    assertThat(a.remove(ana.key(), older.id())).isFalse();
    assertThat(a.get(ana.key())).contains(newer);
  }

  @Test
  void theConversation_showsEveryonesPreviews_andOldOnesAreForgotten() {
    PendingStore a = open();
    Confirmations.Pending ana = pending(person("ana", "room-1"), "intercept on at HQ", NOW);
    Confirmations.Pending bob = pending(person("bob", "room-1"), "intercept on at Austin", NOW.plusSeconds(60));
    a.put(ana);
    a.put(bob);
    a.put(pending(person("cy", "room-2"), "intercept on at Denver", NOW));

    assertThat(alongside(a).inConversation(Requester.Platform.WEBEX, "room-1")).containsExactlyInAnyOrder(ana, bob);
    assertThat(a.inConversation(Requester.Platform.SLACK, "room-1")).isEmpty();
    a.forgetBefore(NOW.plus(Duration.ofSeconds(30)));
    assertThat(a.inConversation(Requester.Platform.WEBEX, "room-1")).isEqualTo(List.of(bob));
  }
}
