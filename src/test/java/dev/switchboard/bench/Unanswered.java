package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.chat.BusyNotices;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 19's "commands that got neither a reply nor a busy notice": after a load run, for every message sent, whether
 * the bot answered it in its thread, and if not whether a busy notice told its sender. Notices fold: one says "did
 * not run your last 5 commands", so per room the notices' counts cover that many unanswered messages. Counted at the
 * simulator, where the bot's messages are stored.
 */
final class Unanswered {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FOLDED = Pattern.compile("your last (\\d+) commands");

  // Longer than the spacing of two busy notices to one person: the last, folded one comes that much after the flood.
  private static final Duration QUIET = BusyNotices.SPACING.plusSeconds(2);

  private Unanswered() {}

  /** Waits (bounded) until the bot's messages in these rooms stop changing, then counts; stored under {@code key}. */
  static ObjectNode count(Bench bench, String key, List<Bench.Msg> messages) {
    ObjectNode last = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      ObjectNode now = countOnce(bench, messages);
      if (last == null || !now.equals(last)) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
        break;
      }
      Child.sleep(250);
    }
    bench.results.ack.put(key, last);
    Bench.log(String.format("  %s: %d sent, %d answered in their thread, %d told busy, %d without an answer", key,
        last.get("sent").asInt(), last.get("replied").asInt(), last.get("toldBusy").asInt(), last.get("none").asInt()));
    return last;
  }

  private static ObjectNode countOnce(Bench bench, List<Bench.Msg> messages) {
    Map<String, List<Bench.Msg>> byRoom = new LinkedHashMap<>();
    for (Bench.Msg m : messages) byRoom.computeIfAbsent(m.roomId(), r -> new java.util.ArrayList<>()).add(m);
    int replied = 0;
    int toldBusy = 0;
    int none = 0;
    for (var room : byRoom.entrySet()) {
      Map<String, Boolean> answered = new HashMap<>();
      int busyCovers = 0;
      for (JsonNode message : bench.sim.messagesInRoom(room.getKey())) {
        if (!bench.org.botPersonId().equals(message.path("personId").asText())) continue;
        if (isBusyNotice(message)) {
          Matcher m = FOLDED.matcher(message.path("markdown").asText(message.path("text").asText()));
          busyCovers += m.find() ? Integer.parseInt(m.group(1)) : 1;
        } else if (message.hasNonNull("parentId")) {
          answered.put(message.get("parentId").asText(), true);
        }
      }
      int unanswered = 0;
      for (Bench.Msg m : room.getValue()) {
        if (answered.containsKey(m.id())) replied++;
        else unanswered++;
      }
      int told = Math.min(unanswered, busyCovers);
      toldBusy += told;
      none += unanswered - told;
    }
    return JSON.createObjectNode().put("sent", messages.size()).put("replied", replied).put("toldBusy", toldBusy)
        .put("none", none);
  }

  /** Whether this message of the bot's is a busy notice (then it answers no command: it says some were not run). */
  static boolean isBusyNotice(JsonNode message) {
    String text = message.path("markdown").asText(message.path("text").asText());
    return text.contains("I'm busy") || text.contains("I\u2019m busy");
  }

  /** The report's rows: per load run, how many commands went without a reply or a busy notice. */
  static void rows(Results r) {
    for (var run : Map.of("webex-open/answers", "open", "webex-closed/answers", "closed").entrySet()) {
      JsonNode a = r.ack.get(run.getKey());
      if (a == null) continue;
      JsonNode s = r.ack.get(run.getKey().replace("answers", "switchboard"));
      String how = s == null ? run.getValue() : run.getValue().equals("open")
          ? "open " + (int) s.get("offeredRate").asDouble() + "/s" : "closed " + s.get("connections").asInt() + " conns";
      r.row("10 commands without an answer, " + how, "no reply and no busy notice",
          a.get("none").asInt() + " of " + a.get("sent").asInt() + " (" + a.get("replied").asInt() + " replied, "
              + a.get("toldBusy").asInt() + " told busy)", "—", "—", "0", a.get("none").asInt() == 0);
    }
  }
}
