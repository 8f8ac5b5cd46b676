package dev.switchboard.app;

import static dev.switchboard.DemoPeople.HANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hana from the help desk asks, in Webex, where calls go: the three demo cases (custom numbers, numbers from the
 * location, a call type sent to an unset number) answered through a signed webhook, the real bot and the simulator.
 */
final class TransferRoutingEndToEndTest {

  @TempDir Path dataDir;
  private RunningBot bot;

  @BeforeEach
  void start() {
    bot = new RunningBot(dataDir, true);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private String ask(String text) {
    String room = bot.org.directRoomId(HANA);
    JsonNode sent = bot.post(HANA, Map.of("roomId", room, "text", text));
    return bot.awaitReply(room, sent.get("id").asText(), 1).get("markdown").asText();
  }

  @Test
  void helpDesk_seesWhereEachPersonsCallsGo() {
    assertThat(ask("transfer numbers for bob@example.com"))
        .contains("from location Austin")
        .contains("International → number 1, +1 512 555 0100")
        .contains("Premium services I → number 3, not set: these calls fail");
    assertThat(ask("transfer numbers for alice@example.com")).contains(": custom.")
        .contains("Rules from location HQ");
    assertThat(ask("why does alice@example.com's international call go to the front desk?"))
        .contains("go to transfer number 1").contains("the rule is from location HQ");
    assertThat(ask("explain transfer numbers for alice.jones@example.com"))
        .contains("their own").contains("from location Denver");
  }
}
