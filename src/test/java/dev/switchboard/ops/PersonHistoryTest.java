package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.LEO;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.DemoPeople.UMA;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code history} says of a person ("history bob": the changes to or by them) and of an undo left alone. */
final class PersonHistoryTest extends OnASimulatedOrg {

  @Test
  void aPersonsHistory_listsTheChangesToTheirNumbersAndTheChangesTheyMade() {
    sim.say(ANA, "set transfer number 1 for bob@example.com to +12055553651");
    sim.say(OMAR, "intercept on at HQ");
    sim.say(ANA, "set transfer number 2 for alice@example.com to +12055553652");

    String bob = text(sim.say(ANA, "history bob"));
    assertThat(bob).contains("Latest changes to or by bob, newest first.")
        .contains("bob@example.com · transfer numbers: set transfer number 1 for bob@example.com")
        .doesNotContain("alice@example.com").doesNotContain("intercept on at HQ");

    String omar = text(sim.say(ANA, "history omar.oncall@example.com"));
    assertThat(omar).contains("omar.oncall@example.com · HQ · intercept: intercept on at HQ")
        .doesNotContain("transfer numbers");
    assertThat(text(sim.say(ANA, "history omar oncall"))).contains("intercept on at HQ");
  }

  @Test
  void aNameNoOneHas_isAnsweredSo_andASimilarNameIsNotTaken() {
    sim.say(ANA, "set transfer number 1 for bob@example.com to +12055553651");

    assertThat(text(sim.say(ANA, "history bo"))).contains("There is no calling location called bo, and no change "
        + "you may see was made to or by anyone of that name.");
    assertThat(text(sim.say(ANA, "history bobby"))).contains("no change you may see");
  }

  @Test
  void aPersonsHistory_showsOnlyWhatTheAskerMaySee() {
    sim.say(UMA, "set transfer number 1 for bob@example.com to +12055553651");

    // a location admin sees their own changes and their locations', not a user admin's change to bob's numbers
    assertThat(text(sim.say(LEO, "history bob"))).contains("no change you may see");
    assertThat(text(sim.say(ANA, "history bob"))).contains("set transfer number 1 for bob@example.com");
  }

  /** An undo that left a location alone says in history who changed it since, not only "left alone". */
  @Test
  void anUndoLeftAlone_saysWhoChangedItSince() {
    sim.say(OMAR, "intercept on at HQ");
    sim.say(ANA, "intercept on at HQ voicemail");
    sim.say(OMAR, "undo");

    assertThat(text(sim.say(ANA, "history HQ")))
        .contains("omar.oncall@example.com · HQ · undo: undo — left alone: changed since by ana.admin@example.com\n");
  }

  @Test
  void namesMatchWholeWordsOfTheAddress() {
    assertThat(HistoryOps.names("bob", "bob@example.com")).isTrue();
    assertThat(HistoryOps.names("BOB@example.com", "bob@example.com")).isTrue();
    assertThat(HistoryOps.names("alice jones", "alice.jones@example.com")).isTrue();
    assertThat(HistoryOps.names("alice", "alice.jones@example.com")).isTrue();
    assertThat(HistoryOps.names("jones", "alice.jones@example.com")).isFalse();
    assertThat(HistoryOps.names("bo", "bob@example.com")).isFalse();
    assertThat(HistoryOps.names("bob", null)).isFalse();
  }
}
