package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ops.FollowUpStore.Kept;
import dev.switchboard.ops.FollowUpStore.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link FollowUpStore} does: one line per person, conversation and kind, the newest in place. */
abstract class FollowUpStoreContract {

  static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  /** Two views of the same lines (two replicas, or one memory). */
  abstract FollowUpStore open();

  abstract FollowUpStore alongside(FollowUpStore first);

  @Test
  void aLine_isFoundByItsKeyAndKind_andTheNewestReplacesIt() {
    FollowUpStore a = open();
    FollowUpStore b = alongside(a);
    a.put("webex|room-1|ana", Kind.SUBJECT, new Kept("intercept status at Austin", "Austin", NOW));
    a.put("webex|room-1|ana", Kind.CHANGE, new Kept("intercept on at HQ for 1h", null, NOW));

    assertThat(b.get("webex|room-1|ana", Kind.SUBJECT)).contains(new Kept("intercept status at Austin", "Austin", NOW));
    assertThat(b.get("webex|room-1|ana", Kind.CHANGE)).contains(new Kept("intercept on at HQ for 1h", null, NOW));
    assertThat(b.get("webex|room-2|ana", Kind.SUBJECT)).isEmpty();

    Instant later = NOW.plusSeconds(60);
    b.put("webex|room-1|ana", Kind.SUBJECT, new Kept("transfer numbers for bob", "bob", later));
    assertThat(a.get("webex|room-1|ana", Kind.SUBJECT)).contains(new Kept("transfer numbers for bob", "bob", later));
    assertThat(a.get("webex|room-1|ana", Kind.CHANGE)).contains(new Kept("intercept on at HQ for 1h", null, NOW));
  }

  @Test
  void linesSaidBeforeTheHorizon_areForgotten_theNewerKept() {
    FollowUpStore a = open();
    a.put("old", Kind.SUBJECT, new Kept("intercept status at HQ", "HQ", NOW));
    a.put("new", Kind.SUBJECT, new Kept("intercept status at Denver", "Denver", NOW.plusSeconds(600)));

    alongside(a).forgetBefore(NOW.plusSeconds(300));

    assertThat(a.get("old", Kind.SUBJECT)).isEmpty();
    assertThat(a.get("new", Kind.SUBJECT)).isPresent();
  }
}
