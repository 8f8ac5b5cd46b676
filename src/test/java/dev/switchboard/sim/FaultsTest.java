package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.EVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Injected faults (latency, per-org rate limit, scripted faults, 5xx share) and the call record. */
final class FaultsTest {

  private WebexSimulator sim;
  private SimClient client;
  private DemoOrg org;

  private void start(SimulatorOptions options) {
    sim = WebexSimulator.start(options);
    client = new SimClient(sim);
    org = sim.org();
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private String intercept(String location) {
    return "/telephony/config/locations/" + org.locationId(location) + "/intercept";
  }

  @Test
  void latency_isAddedToEveryAnswer() {
    start(SimulatorOptions.defaults().withLatency(Duration.ofMillis(150)));
    client.get(org.botToken(), "/people/me");
    sim.faults().latency(Duration.ZERO);
    client.get(org.botToken(), "/people/me");
    List<RecordedCall> calls = sim.calls();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).took()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(calls.get(1).took()).isLessThan(Duration.ofMillis(150));
  }

  @Test
  void rateLimit_isOneBucketPerOrg_sharedByEveryTokenOfIt() {
    start(SimulatorOptions.defaults().withRateLimitPerSecond(0.2)); // one request, then one every 5 s
    assertThat(client.get(org.adminToken(), "/locations").status()).isEqualTo(200);

    SimClient.Reply bot = client.get(org.botToken(), "/people/me");
    assertThat(bot.status()).isEqualTo(429);
    assertThat(Integer.parseInt(bot.header("Retry-After"))).isBetween(1, 5);
    assertThat(bot.json().get("trackingId").asText()).isEqualTo(bot.header("Trackingid"));
    assertThat(client.get(org.tokenFor(ALICE), "/people/me").status()).isEqualTo(429);
    assertThat(client.get(org.adminToken(), intercept("HQ")).status()).isEqualTo(429);

    assertThat(client.get(org.tokenFor(EVE), "/people/me").status()).isEqualTo(200);
    assertThat(sim.calls()).extracting(RecordedCall::status).containsExactly(200, 429, 429, 429, 200);
    assertThat(sim.calls().get(1).retryAfter()).as("the call record keeps the wait a 429 mandated")
        .isEqualTo(java.time.Duration.ofSeconds(Integer.parseInt(bot.header("Retry-After"))));
    assertThat(sim.calls().get(0).retryAfter()).isZero();

    sim.faults().rateLimit(0);
    assertThat(client.get(org.botToken(), "/people/me").status()).isEqualTo(200);
  }

  @Test
  void rateLimit_refillsAtTheConfiguredRate() {
    start(SimulatorOptions.defaults().withRateLimitPerSecond(1000));
    int ok = 0;
    for (int i = 0; i < 200; i++) {
      if (client.get(org.botToken(), "/people/me").status() == 200) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(200);
  }

  @Test
  void failNext_answersOnceForThatMethodAndPath() {
    start(SimulatorOptions.defaults());
    sim.faults().failNext("PUT", "/telephony/config/locations/" + org.locationId("HQ") + "/intercept", 503);

    assertThat(client.get(org.adminToken(), intercept("HQ")).status()).isEqualTo(200);
    SimClient.Reply failed = client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", true));
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.json().get("message").asText()).isNotBlank();
    assertThat(failed.json().get("trackingId").asText()).isEqualTo(failed.header("Trackingid"));
    assertThat(sim.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();

    assertThat(client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", true)).status()).isEqualTo(204);
    assertThat(sim.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
    assertThat(sim.faults().pendingScripted()).isZero();
  }

  @Test
  void rateLimitNext_answers429WithRetryAfterForAPathPrefix() {
    start(SimulatorOptions.defaults());
    sim.faults().rateLimitNext("/telephony/config/locations/", 429, 7).rateLimitNext("/messages", 423, 2);
    assertThat(client.get(org.adminToken(), "/people/me").status()).isEqualTo(200);
    SimClient.Reply limited = client.get(org.adminToken(), intercept("Austin"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");
    assertThat(client.get(org.adminToken(), intercept("Austin")).status()).isEqualTo(200);
    SimClient.Reply locked = client.post(org.botToken(), "/messages",
        Map.of("toPersonEmail", BOB, "text", "hi"));
    assertThat(locked.status()).isEqualTo(423);
    assertThat(locked.header("Retry-After")).isEqualTo("2");
    assertThat(sim.messagesInRoom(org.directRoomId(BOB))).isEmpty();
  }

  @Test
  void serverErrorShare_answersThatShareWith5xx_repeatablyForASeed() {
    start(SimulatorOptions.defaults().withServerErrorShare(0.3).withSeed(7));
    List<Integer> first = statuses(300);
    sim.close();
    start(SimulatorOptions.defaults().withServerErrorShare(0.3).withSeed(7));
    List<Integer> second = statuses(300);
    long errors = first.stream().filter(s -> s >= 500).count();
    assertThat(errors).isBetween(50L, 130L);
    assertThat(first).allMatch(s -> s == 200 || List.of(500, 502, 503, 504).contains(s));
    assertThat(second).isEqualTo(first);
    sim.faults().serverErrorShare(0);
    assertThat(statuses(20)).containsOnly(200);
  }

  private List<Integer> statuses(int count) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statuses.add(client.get(org.botToken(), "/people/me").status());
    }
    return statuses;
  }

  @Test
  void everyCall_isRecordedWithIdentityAndStatus() {
    start(SimulatorOptions.defaults());
    client.get(org.botToken(), "/people/me");
    client.get(null, "/locations?max=2");
    client.get(org.tokenFor(ALICE), "/people/me?callingData=true");
    client.put(org.adminToken(), intercept("Denver"), Map.of("enabled", true));
    assertThat(sim.calls()).extracting(RecordedCall::method, RecordedCall::path, RecordedCall::identity,
        RecordedCall::status).containsExactly(
            tuple("GET", "/people/me", "bot", 200),
            tuple("GET", "/locations", "anonymous", 401),
            tuple("GET", "/people/me", ALICE, 200),
            tuple("PUT", "/telephony/config/locations/" + org.locationId("Denver")
                + "/intercept", "admin", 204));
    assertThat(sim.calls()).allSatisfy(c -> assertThat(c.at()).isNotNull());
    sim.clearCalls();
    assertThat(sim.calls()).isEmpty();
  }
}
