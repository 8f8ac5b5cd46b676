package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.TestClock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Following {@code Link: <url>; rel="next"} over pages, as Webex pages every list. */
final class WebexClientPagingTest {

  @StartStop
  final MockWebServer server = new MockWebServer();

  private WebexClient client() {
    return WebexClient.builder()
        .baseUrl(server.url("/v1"))
        .botTokens(new StaticTokenProvider("bot-token"))
        .adminTokens(new StaticTokenProvider("admin-token"))
        .orgId("O1")
        .sleeper(new TestClock())
        .build();
  }

  private MockResponse page(String itemsKey, String nextTarget, String... names) {
    var items = new StringBuilder();
    for (String name : names) {
      items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"id-").append(name).append("\",\"name\":\"")
          .append(name).append("\"}");
    }
    var builder = new MockResponse.Builder().code(200).body("{\"" + itemsKey + "\":[" + items + "]}");
    if (nextTarget != null) {
      builder.addHeader("Link", "<" + server.url(nextTarget) + ">; rel=\"next\"");
    }
    return builder.build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  @Test
  void locations_followNextLinksAcrossThreePages() throws Exception {
    server.enqueue(page("items", "/v1/locations?orgId=O1&cursor=p2", "A", "B"));
    server.enqueue(page("items", "/v1/locations?orgId=O1&cursor=p3", "C", "D"));
    server.enqueue(page("items", null, "E"));

    var locations = client().locations();

    assertThat(locations).extracting(Location::name).containsExactly("A", "B", "C", "D", "E");
    assertThat(take().getTarget()).isEqualTo("/v1/locations?orgId=O1");
    var second = take();
    assertThat(second.getTarget()).isEqualTo("/v1/locations?orgId=O1&cursor=p2");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer admin-token");
    assertThat(take().getTarget()).isEqualTo("/v1/locations?orgId=O1&cursor=p3");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void callingLocations_followNextLinksUnderTheLocationsKey() {
    server.enqueue(page("locations", "/v1/telephony/config/locations?orgId=O1&start=2", "HQ", "Austin"));
    server.enqueue(page("locations", "/v1/telephony/config/locations?orgId=O1&start=4", "Denver"));
    server.enqueue(page("locations", null, "Boston"));

    assertThat(client().callingLocations()).extracting(Location::name)
        .containsExactly("HQ", "Austin", "Denver", "Boston");
  }

  @Test
  void people_followNextLinks_withTheLinkAmongOtherRelations() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Link", "<" + server.url("/v1/people?first") + ">; rel=\"first\", <"
            + server.url("/v1/people?displayName=Al&after=Y2lz,x") + ">; rel=\"next\"")
        .body("{\"items\":[{\"id\":\"P1\"}]}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"items\":[{\"id\":\"P2\"}]}").build());

    var people = client().peopleByDisplayName("Al");

    assertThat(people).extracting(Person::id).containsExactly("P1", "P2");
    take();
    assertThat(take().getTarget()).isEqualTo("/v1/people?displayName=Al&after=Y2lz,x");
  }

  @Test
  void webhooks_followNextLinks_withTheBotToken() throws Exception {
    server.enqueue(page("items", "/v1/webhooks?after=1", "w1"));
    server.enqueue(page("items", null, "w2"));

    assertThat(client().webhooks()).extracting(Webhook::name).containsExactly("w1", "w2");
    take();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer bot-token");
  }

  @Test
  void emptyPage_endsPaging_evenWithANextLink() {
    server.enqueue(page("items", "/v1/locations?cursor=p2", "A"));
    server.enqueue(page("items", "/v1/locations?cursor=p3"));
    server.enqueue(page("items", null, "never"));

    assertThat(client().locations()).extracting(Location::name).containsExactly("A");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void nextLinkToAnotherHost_isRefused_soTheTokenStaysHome() {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Link", "<https://evil.example.com/v1/locations?cursor=p2>; rel=\"next\"")
        .body("{\"items\":[{\"id\":\"L1\",\"name\":\"A\"}]}").build());

    var e = catchThrowableOfType(WebexException.class, () -> client().locations());

    assertThat(e.getMessage()).contains("paging link to another server").contains("evil.example.com");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorOnALaterPage_failsTheWholeList() {
    server.enqueue(page("items", "/v1/locations?cursor=p2", "A"));
    server.enqueue(new MockResponse.Builder().code(404).addHeader("Trackingid", "ROUTER_p2")
        .body("{\"message\":\"Page gone\"}").build());

    var e = catchThrowableOfType(WebexException.class, () -> client().locations());

    assertThat(e.getMessage()).isEqualTo("[404 Not Found] Page gone [Tracking ID: ROUTER_p2]");
  }

  @Test
  void linkHeader_findsNextAmongRelationsAndForms() {
    assertThat(LinkHeader.next(List.of("<https://a/1>; rel=\"prev\", <https://a/3>; rel=\"next\"")))
        .isEqualTo("https://a/3");
    assertThat(LinkHeader.next(List.of("<https://a/1>; rel=first", "<https://a/2>; rel=next"))).isEqualTo("https://a/2");
    assertThat(LinkHeader.next(List.of("<https://a/2>; title=\"x\"; rel=\"last next\""))).isEqualTo("https://a/2");
    assertThat(LinkHeader.next(List.of("<https://a/2>; rel=\"nextish\""))).isNull();
    assertThat(LinkHeader.next(List.of())).isNull();
  }

  @Test
  void webexOwnApiHosts_overHttps_areFollowed_othersAreNot() {
    assertThat(WebexHttp.isWebexApiHost(HttpUrl.get("https://webexapis.com/v1/people?cursor=2"))).isTrue();
    assertThat(WebexHttp.isWebexApiHost(HttpUrl.get("https://integration.webexapis.com/v1/people"))).isTrue();
    assertThat(WebexHttp.isWebexApiHost(HttpUrl.get("https://api.ciscospark.com/v1/people"))).isTrue();
    assertThat(WebexHttp.isWebexApiHost(HttpUrl.get("http://webexapis.com/v1/people"))).isFalse();
    assertThat(WebexHttp.isWebexApiHost(HttpUrl.get("https://webexapis.com.evil.example/v1/people"))).isFalse();
    assertThat(WebexHttp.isWebexApiHost(HttpUrl.get("https://evilwebexapis.com/v1/people"))).isFalse();
    assertThat(WebexHttp.isWebexApiHost(HttpUrl.get("https://webexapis.com:8443/v1/people"))).isFalse();
  }
}
