package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestClock;
import dev.switchboard.calling.AdminRole;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.LocationTarget;
import dev.switchboard.sim.DemoOrg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The location list and people's roles, kept between commands: read again off the command's thread once half their
 * time is up, never used older than it, and a location name that matches nothing looked for in a fresh list.
 */
final class CachedDirectoryTest {

  private static final Duration TTL = Duration.ofMinutes(1);

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final TestClock time = new TestClock();
  /** What Webex holds now: the tests change it between commands. */
  private final List<String> locationNames = new CopyOnWriteArrayList<>(List.of("HQ", "Austin"));
  private volatile String aliceRole = DemoOrg.FULL_ADMIN_ROLE_ID;
  private volatile boolean refusing;
  /** Work the caches hand off the command's thread (refreshes, their own upkeep), run when the test says. */
  private final List<Runnable> handedOff = new ArrayList<>();
  private final Executor later = handedOff::add;

  private void runHandedOff() {
    while (!handedOff.isEmpty()) {
      List<Runnable> now = new ArrayList<>(handedOff);
      handedOff.clear();
      now.forEach(Runnable::run);
    }
  }

  CachedDirectoryTest() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (refusing) return new MockResponse.Builder().code(403).body("{\"message\":\"no\"}").build();
        if (path.equals("/v1/telephony/config/locations")) return json("{\"locations\":" + locations() + "}");
        if (path.equals("/v1/locations")) return json("{\"items\":" + locations() + "}");
        if (path.equals("/v1/people/alice")) {
          return json("{\"id\":\"alice\",\"emails\":[\"alice@example.com\"],\"orgId\":\"O1\",\"type\":\"person\","
              + "\"roles\":[\"" + aliceRole + "\"]}");
        }
        return new MockResponse.Builder().code(404).build();
      }
    });
  }

  private String locations() {
    return locationNames.stream().map(n -> "{\"id\":\"L-" + n + "\",\"name\":\"" + n + "\"}")
        .reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private WebexClient client() {
    return WebexClient.builder()
        .baseUrl(server.url("/v1"))
        .botTokens(new StaticTokenProvider("bot-token"))
        .adminTokens(new StaticTokenProvider("admin-token"))
        .orgId("O1")
        .sleeper(time)
        .build();
  }

  private LocationDirectory directory(Executor refresher) {
    return new LocationDirectory(client(), time, TTL, "US", Policy.empty(), refresher);
  }

  private Authorizer authorizer(Executor refresher) {
    WebexClient client = client();
    return new Authorizer(client, Policy.empty(), new ManagedOrg(client, "O1"), time, TTL, refresher);
  }

  private static Requester alice() {
    return new Requester(Requester.Platform.WEBEX, "alice", "alice", "alice@example.com", "room", null);
  }

  private static java.util.Set<AdminRole> roles(Authorizer.Resolution resolution) {
    assertThat(resolution).isInstanceOf(Authorizer.Resolution.Known.class);
    return ((Authorizer.Resolution.Known) resolution).principal().adminRoles();
  }

  @Test
  void theListInHalfItsTime_isUsedAsIs_andReadAgainOffTheCommandsThread() {
    LocationDirectory directory = directory(later);
    assertThat(directory.match("HQ")).isInstanceOf(LocationMatch.Found.class);
    int first = server.getRequestCount();
    assertThat(first).isEqualTo(2);

    locationNames.add("Denver");
    time.advance(TTL.dividedBy(2).plusSeconds(1));
    assertThat(directory.all()).extracting(l -> l.name()).containsExactly("Austin", "HQ");
    assertThat(server.getRequestCount()).as("the command did not wait for the lists").isEqualTo(first);

    runHandedOff();
    assertThat(server.getRequestCount()).isEqualTo(first + 2);
    assertThat(directory.all()).extracting(l -> l.name()).containsExactly("Austin", "Denver", "HQ");
  }

  @Test
  void aReadAheadThatFails_dropsTheList_andTheNextCommandReadsItItself() {
    LocationDirectory directory = directory(later);
    directory.all();
    time.advance(TTL.dividedBy(2).plusSeconds(1));
    directory.all();
    refusing = true;
    runHandedOff();
    assertThat(server.getRequestCount()).isEqualTo(3);

    refusing = false;
    locationNames.add("Denver");
    assertThat(directory.all()).extracting(l -> l.name()).containsExactly("Austin", "Denver", "HQ");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aListOlderThanItsTime_isNeverUsed_evenWhenNothingReadItAhead() {
    LocationDirectory directory = directory(later);
    directory.all();
    locationNames.remove("Austin");
    time.advance(TTL.plusSeconds(1));

    assertThat(directory.all()).extracting(l -> l.name()).containsExactly("HQ");
    assertThat(server.getRequestCount()).as("read on the command's thread").isEqualTo(4);
  }

  @Test
  void aLocationAddedAfterTheListWasRead_isFoundAtOnce_onceTheListIsTenSecondsOld() {
    LocationDirectory directory = directory(Runnable::run);
    assertThat(directory.match("Lisbon")).isInstanceOf(LocationMatch.NotFound.class);
    locationNames.add("Lisbon");

    assertThat(directory.match("Lisbon")).as("a list read a moment ago is not read again")
        .isInstanceOf(LocationMatch.NotFound.class);
    time.advance(LocationDirectory.MISS_REREAD_AFTER);
    assertThat(directory.match("Lisbon")).isInstanceOfSatisfying(LocationMatch.Found.class,
        found -> assertThat(found.location().id()).isEqualTo("L-Lisbon"));
  }

  @Test
  void aFloodOfNamesThatMatchNothing_readsTheListAtMostOnceInTenSeconds() {
    LocationDirectory directory = directory(Runnable::run);
    directory.all();
    time.advance(LocationDirectory.MISS_REREAD_AFTER);
    for (int i = 0; i < 50; i++) {
      assertThat(directory.match("Nowhere " + i)).isInstanceOf(LocationMatch.NotFound.class);
      time.advance(Duration.ofMillis(100));
    }
    assertThat(server.getRequestCount()).isEqualTo(2 + 2);
  }

  @Test
  void aNameThatMatches_neverReadsTheListAgain() {
    LocationDirectory directory = directory(Runnable::run);
    directory.all();
    time.advance(Duration.ofSeconds(20));
    assertThat(directory.match("Austin")).isInstanceOf(LocationMatch.Found.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void severalNamesWithOnlySpacesBetween_areFoundInTheListAsItIs() {
    LocationDirectory directory = directory(Runnable::run);
    directory.all();
    time.advance(Duration.ofSeconds(20));

    assertThat(Targets.resolve(new LocationTarget.Named(List.of("Austin HQ")), directory))
        .isInstanceOfSatisfying(Targets.Resolved.Locations.class,
            found -> assertThat(found.locations()).extracting(l -> l.name()).containsExactly("Austin", "HQ"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCommandNamingANewLocationBesideAKnownOne_findsBoth() {
    LocationDirectory directory = directory(Runnable::run);
    directory.all();
    locationNames.add("Lisbon");
    time.advance(Duration.ofSeconds(20));

    assertThat(Targets.resolve(new LocationTarget.Named(List.of("HQ", "Lisbon")), directory))
        .isInstanceOfSatisfying(Targets.Resolved.Locations.class,
            found -> assertThat(found.locations()).extracting(l -> l.name()).containsExactly("HQ", "Lisbon"));
    assertThat(Targets.resolve(new LocationTarget.Named(List.of("Austin Lisbon")), directory))
        .isInstanceOf(Targets.Resolved.Locations.class);
  }

  @Test
  void rolesInHalfTheirTime_areUsedAsIs_andReadAgainOffTheCommandsThread() {
    Authorizer authorizer = authorizer(later);
    assertThat(roles(authorizer.resolve(alice()))).containsExactly(AdminRole.FULL_ADMIN);
    assertThat(server.getRequestCount()).isEqualTo(1);

    aliceRole = DemoOrg.READONLY_ADMIN_ROLE_ID;
    time.advance(TTL.dividedBy(2).plusSeconds(1));
    assertThat(roles(authorizer.resolve(alice()))).containsExactly(AdminRole.FULL_ADMIN);
    assertThat(server.getRequestCount()).isEqualTo(1);

    runHandedOff();
    assertThat(roles(authorizer.resolve(alice()))).containsExactly(AdminRole.READ_ONLY_ADMIN);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void rolesOlderThanTheirTime_areNeverUsed() {
    Authorizer authorizer = authorizer(later);
    authorizer.resolve(alice());
    aliceRole = DemoOrg.READONLY_ADMIN_ROLE_ID;
    time.advance(TTL.plusSeconds(1));

    assertThat(roles(authorizer.resolve(alice()))).containsExactly(AdminRole.READ_ONLY_ADMIN);
    assertThat(server.getRequestCount()).as("read on the command's thread").isEqualTo(2);
  }
}
