package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestClock;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.PersonRef;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Names as Webex stores them (decomposed, fullwidth) against names as people type them, and the calls made. */
final class PeopleFinderTest {

  @StartStop
  final MockWebServer server = new MockWebServer();

  private PeopleFinder finder() {
    WebexClient client = WebexClient.builder()
        .baseUrl(server.url("/v1"))
        .botTokens(new StaticTokenProvider("bot-token"))
        .adminTokens(new StaticTokenProvider("admin-token"))
        .orgId("O1")
        .sleeper(new TestClock())
        .build();
    return new PeopleFinder(client, new ManagedOrg(client, "O1"));
  }

  private static String person(String id, String displayName) {
    return "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\",\"emails\":[\"" + id + "@example.com\"],"
        + "\"orgId\":\"O1\",\"type\":\"person\"}";
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  @Test
  void anEmail_isOneListWithCallingData_andThePersonListedIsTaken() throws Exception {
    server.enqueue(json("{\"items\":[{\"id\":\"alice\",\"displayName\":\"Alice\",\"emails\":[\"Alice@Example.com\"],"
        + "\"orgId\":\"O1\",\"locationId\":\"L1\",\"type\":\"person\"}]}"));

    PeopleFinder.Found found = finder().find(new PersonRef("alice@example.com"));

    assertThat(found).isInstanceOfSatisfying(PeopleFinder.Found.One.class,
        one -> assertThat(one.person().locationId()).isEqualTo("L1"));
    RecordedRequest list = take();
    assertThat(list.getUrl().queryParameter("email")).isEqualTo("alice@example.com");
    assertThat(list.getUrl().queryParameter("callingData")).isEqualTo("true");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aDecomposedDisplayName_isTheExactMatchOfTheComposedOneTyped() throws Exception {
    server.enqueue(json("{\"items\":[" + person("jose", "Jose\\u0301 Mu\\u0308ller") + ","
        + person("josef", "José Müllerson") + "]}"));
    server.enqueue(json(person("jose", "Jose\\u0301 Mu\\u0308ller")));

    PeopleFinder.Found found = finder().find(new PersonRef("JOSÉ  MÜLLER"));

    assertThat(found).isInstanceOfSatisfying(PeopleFinder.Found.One.class,
        one -> assertThat(one.person().id()).isEqualTo("jose"));
    assertThat(take().getUrl().queryParameter("displayName")).isEqualTo("JOSÉ MÜLLER");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/people/jose");
  }

  @Test
  void aFullwidthDisplayName_isFoundInOnePageOfTheDirectory_andNoFurtherPageIsRead() throws Exception {
    server.enqueue(json("{\"items\":[]}"));
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Link", "<" + server.url("/v1/people?orgId=O1&max=1000&cursor=2") + ">; rel=\"next\"")
        .body("{\"items\":[" + person("ann", "\uFF21\uFF4E\uFF4E \uFF2C\uFF45\uFF45") + ","
            + person("bob", "Bob Jones") + "]}").build());
    server.enqueue(json(person("ann", "\uFF21\uFF4E\uFF4E \uFF2C\uFF45\uFF45")));

    PeopleFinder.Found found = finder().find(new PersonRef("Ann Lee"));

    assertThat(found).isInstanceOfSatisfying(PeopleFinder.Found.One.class,
        one -> assertThat(one.person().id()).isEqualTo("ann"));
    take();
    RecordedRequest directory = take();
    assertThat(directory.getUrl().queryParameter("max")).isEqualTo("1000");
    assertThat(directory.getUrl().queryParameter("displayName")).isNull();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/people/ann");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aNearSpelling_forAChange_isOfferedNotTaken() throws Exception {
    server.enqueue(json("{\"items\":[]}"));
    server.enqueue(json("{\"items\":[" + person("bob", "Bob Jones") + "," + person("rob", "Rob Jonas") + "]}"));

    PeopleFinder.Found found = finder().find(new PersonRef("Bob Jnoes"), true);

    assertThat(found).isInstanceOfSatisfying(PeopleFinder.Found.Several.class,
        several -> assertThat(several.people()).extracting(p -> p.id()).containsExactly("bob"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void editDistance_countsASwapOfNeighboursAsOne() {
    assertThat(dev.switchboard.command.EditDistance.of("jnoes", "jones")).isEqualTo(1);
    assertThat(dev.switchboard.command.EditDistance.of("alise", "alice")).isEqualTo(1);
    assertThat(dev.switchboard.command.EditDistance.of("bob", "bob")).isZero();
    assertThat(dev.switchboard.command.EditDistance.of("", "abc")).isEqualTo(3);
  }
}
