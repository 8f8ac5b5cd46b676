package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of preview goes through its wire format and back unchanged, and the {@code yes} then runs on what was
 * read back: what a replica that did not show the preview gets from the database.
 */
final class PendingCodecTest {

  @TempDir Path dataDir;
  private SimulatedOrg sim;
  private final PendingCodec codec = new PendingCodec();
  private final Set<Class<?>> seen = ConcurrentHashMap.newKeySet();

  /** Memory that keeps each pending change only as its JSON, read back on every look-up. */
  private final class AsJson implements PendingStore {
    private final PendingStore memory = PendingStore.inMemory();

    @Override
    public Optional<Confirmations.Pending> get(String key) {
      return memory.get(key);
    }

    @Override
    public void put(Confirmations.Pending pending) {
      Confirmations.Pending back = codec.read(codec.write(pending));
      assertThat(back).isEqualTo(pending);
      seen.add(pending.plan().getClass());
      memory.put(back);
    }

    @Override
    public boolean remove(String key, String id) {
      return memory.remove(key, id);
    }

    @Override
    public List<Confirmations.Pending> inConversation(Requester.Platform platform, String conversation) {
      return memory.inConversation(platform, conversation);
    }

    @Override
    public void forgetBefore(Instant horizon) {
      memory.forgetBefore(horizon);
    }
  }

  @BeforeEach
  void start() {
    sim = new SimulatedOrg(dataDir);
    sim.pendingStores = AsJson::new;
    sim.restart(SimulatedOrg.demoPolicy());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private Reply.Tone yes(String email, String line) {
    sim.say(email, line);
    return sim.say(email, "yes").tone();
  }

  @Test
  void everyKindOfPreview_survivesItsWireFormat_andIsCarriedOut() {
    assertThat(yes(ANA, "intercept on at Austin, Denver voicemail announce +12147691003 zero off"))
        .isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(yes(ANA, "undo")).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(yes(ANA, "intercept on at Austin, Denver for 2h")).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.interceptOn("Denver")).isTrue();
    assertThat(yes(ANA, "intercept on at Austin, HQ from 22:00 until tomorrow 06:00")).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(SimulatedOrg.text(sim.say(ANA, "schedules"))).contains("HQ");
    assertThat(yes(ANA, "intercpt on at HQ")).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.interceptOn("HQ")).isTrue();
    sim.say(HANA, "transfer numbers for Jones");
    assertThat(SimulatedOrg.text(sim.say(HANA, "2"))).contains("Transfer numbers for Bob Jones");

    assertThat(seen).contains(Plan.Intercept.class, Plan.Undo.class, Plan.Later.class, Plan.Suggestion.class,
        Plan.Choices.class);
  }
}
