package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.CARL;
import static dev.switchboard.DemoPeople.EVE;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** People and locations: filters, paging, roles visibility, calling data, errors. */
final class DirectoryTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private static WebexSimulator sim;
  private static SimClient client;
  private static DemoOrg org;

  @BeforeAll
  static void start() {
    sim = WebexSimulator.start(SimulatorOptions.defaults());
    client = new SimClient(sim);
    org = sim.org();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static List<String> names(JsonNode items, String field) {
    List<String> names = new ArrayList<>();
    items.forEach(i -> names.add(i.get(field).asText()));
    return names;
  }

  /** Follows {@code Link: rel="next"} from the first page and collects every item's field. */
  private static List<String> allPages(String token, String firstPath, String listKey, String field) {
    List<String> all = new ArrayList<>();
    String next = firstPath;
    int pages = 0;
    while (next != null) {
      SimClient.Reply reply = client.get(token, next);
      assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
      all.addAll(names(reply.json().get(listKey), field));
      String link = reply.header("Link");
      Matcher m = link == null ? null : NEXT.matcher(link);
      next = m != null && m.find() ? m.group(1) : null;
      pages++;
      assertThat(pages).isLessThan(50);
    }
    return all;
  }

  @Test
  void locations_nameIsCaseInsensitiveContains() {
    SimClient.Reply reply = client.get(org.adminToken(), "/locations?name=hq");
    assertThat(names(reply.json().get("items"), "name")).containsExactly("HQ", "HQ-East", "HQ-West");
  }

  @Test
  void locations_pagedWithLinkHeader_returnsEveryLocationOnce() {
    SimClient.Reply first = client.get(org.adminToken(), "/locations?max=3");
    assertThat(first.json().get("items")).hasSize(3);
    assertThat(first.header("Link")).startsWith("<" + sim.baseUrl() + "/locations?").endsWith(">; rel=\"next\"");
    assertThat(allPages(org.adminToken(), "/locations?max=3", "items", "name"))
        .containsExactlyElementsOf(org.locationNames())
        .contains("Warehouse", "Sydney");
  }

  @Test
  void locationById_hasAddressTimeZoneAndOrg() {
    JsonNode hq = client.get(org.adminToken(), "/locations/" + org.locationId("HQ")).json();
    assertThat(hq.get("name").asText()).isEqualTo("HQ");
    assertThat(hq.get("orgId").asText()).isEqualTo(org.orgId());
    assertThat(hq.get("timeZone").asText()).isEqualTo("America/Chicago");
    assertThat(hq.at("/address/country").asText()).isEqualTo("US");
    assertThat(client.get(org.adminToken(), "/locations/" + org.locationId("Sydney")).json().get("timeZone").asText())
        .isEqualTo("Australia/Sydney");
  }

  @Test
  void unknownLocation_is404WithWebexErrorBody() {
    SimClient.Reply reply = client.get(org.adminToken(), "/locations/Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vcGU");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("message").asText()).isEqualTo("The requested resource could not be found.");
    assertThat(reply.json().at("/errors/0/description").asText()).isEqualTo(reply.json().get("message").asText());
    assertThat(reply.json().get("trackingId").asText()).isEqualTo(reply.header("Trackingid")).isNotBlank();
  }

  @Test
  void callingLocations_listOnlyCallingEnabledUnderKeyLocations() {
    SimClient.Reply reply = client.get(org.adminToken(), "/telephony/config/locations");
    assertThat(reply.json().has("items")).isFalse();
    assertThat(names(reply.json().get("locations"), "name"))
        .containsExactlyElementsOf(org.callingLocationNames())
        .doesNotContain("Warehouse");
    assertThat(allPages(org.adminToken(), "/telephony/config/locations?max=2&order=desc", "locations", "name"))
        .startsWith("Sydney", "London").hasSize(8);
    assertThat(client.get(org.adminToken(), "/telephony/config/locations?order=sideways").status()).isEqualTo(400);
  }

  @Test
  void people_emailIsExactAndDisplayNameIsPrefix() {
    SimClient.Reply byEmail = client.get(org.adminToken(), "/people?email=ALICE@example.com");
    assertThat(names(byEmail.json().get("items"), "displayName")).containsExactly("Alice Smith");
    SimClient.Reply byName = client.get(org.adminToken(), "/people?displayName=alice");
    assertThat(names(byName.json().get("items"), "displayName")).containsExactlyInAnyOrder("Alice Smith", "Alice Jones");
    assertThat(client.get(org.adminToken(), "/people?displayName=Smith").json().get("items")).isEmpty();
  }

  @Test
  void people_pagingCoversTheWholeOrg() {
    List<String> emails = allPages(org.adminToken(), "/people?max=4", "items", "id");
    assertThat(emails).hasSize(13).doesNotHaveDuplicates(); // 12 people and the bot
  }

  @Test
  void people_otherOrgIsNotListedButReadableById() {
    assertThat(client.get(org.adminToken(), "/people?email=eve@other.example.com").json().get("items")).isEmpty();
    JsonNode eve = client.get(org.adminToken(), "/people/" + org.personId(EVE)).json();
    assertThat(eve.get("orgId").asText()).isEqualTo(org.otherOrgId());
    assertThat(eve.has("roles")).isFalse();
  }

  @Test
  void personById_showsRolesOnlyToTheAdminToken() {
    String path = "/people/" + org.personId(ANA);
    assertThat(client.get(org.adminToken(), path).json().get("roles"))
        .extracting(JsonNode::asText).containsExactly(DemoOrg.FULL_ADMIN_ROLE_ID);
    assertThat(client.get(org.botToken(), path).json().has("roles")).isFalse();
    assertThat(client.get(org.adminToken(), "/people/" + org.personId(PAT)).json().get("roles"))
        .isEmpty();
    assertThat(client.get(org.adminToken(), "/people?email=ana.admin@example.com").json().at("/items/0").has("roles"))
        .isFalse();
    assertThat(DemoOrg.FULL_ADMIN_ROLE_ID).isEqualTo("Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfZnVsbF9hZG1pbg");
    assertThat(DemoOrg.USER_ADMIN_ROLE_ID).isEqualTo("Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfdXNlcl9hZG1pbg");
    assertThat(DemoOrg.READONLY_ADMIN_ROLE_ID).isEqualTo("Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfcmVhZG9ubHlfYWRtaW4");
  }

  @Test
  void callingData_addsLocationAndExtensionForAdmins() {
    JsonNode alice = client.get(org.adminToken(),
        "/people/" + org.personId(ALICE) + "?callingData=true").json();
    assertThat(alice.get("locationId").asText()).isEqualTo(org.locationId("HQ"));
    assertThat(alice.has("extension")).isTrue();
    assertThat(client.get(org.adminToken(), "/people/" + org.personId(ALICE)).json().has("locationId"))
        .isFalse();
    assertThat(client.get(org.adminToken(), "/people/" + org.personId(CARL)
        + "?callingData=true").json().has("locationId")).isFalse();
    assertThat(client.get(org.adminToken(), "/people?callingData=maybe&email=alice@example.com").status())
        .isEqualTo(400);
  }

  @Test
  void peopleMe_describesEachToken() {
    JsonNode bot = client.get(org.botToken(), "/people/me").json();
    assertThat(bot.get("type").asText()).isEqualTo("bot");
    assertThat(bot.get("displayName").asText()).isEqualTo("Switchboard");
    assertThat(bot.at("/emails/0").asText()).isEqualTo("switchboard@webex.bot");
    assertThat(bot.get("id").asText()).isEqualTo(org.botPersonId());
    JsonNode admin = client.get(org.adminToken(), "/people/me").json();
    assertThat(admin.get("orgId").asText()).isEqualTo(org.orgId());
    JsonNode pat = client.get(org.tokenFor(PAT), "/people/me").json();
    assertThat(pat.get("id").asText()).isEqualTo(org.personId(PAT));
    assertThat(pat.get("type").asText()).isEqualTo("person");
  }

  @Test
  void nonAdminPeopleList_needsEmailOrDisplayName() {
    SimClient.Reply reply = client.get(org.botToken(), "/people");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("trackingId").asText()).isNotBlank();
    assertThat(client.get(org.botToken(), "/people?email=bob@example.com").json().at("/items/0/displayName").asText())
        .isEqualTo("Bob Jones");
  }

  @Test
  void invalidMax_is400() {
    assertThat(client.get(org.adminToken(), "/locations?max=zero").status()).isEqualTo(400);
    assertThat(client.get(org.adminToken(), "/people?max=0").status()).isEqualTo(400);
  }

  @Test
  void foreignOrgId_isForbidden() {
    assertThat(client.get(org.adminToken(), "/locations?orgId=" + org.otherOrgId()).status()).isEqualTo(403);
    assertThat(client.get(org.adminToken(), "/locations?orgId=" + org.orgId()).status()).isEqualTo(200);
  }

  @Test
  void organization_byItsWebexId_orItsBareUuid_answersWithTheWebexId() {
    String uuid = java.util.UUID.nameUUIDFromBytes("switchboard-demo/ORGANIZATION/example"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();

    JsonNode byId = client.get(org.adminToken(), "/organizations/" + org.orgId()).json();
    JsonNode byUuid = client.get(org.adminToken(), "/organizations/" + uuid.toUpperCase()).json();

    assertThat(byId.get("id").asText()).isEqualTo(org.orgId());
    assertThat(byId.get("displayName").asText()).isEqualTo("Example Corp");
    assertThat(byUuid.get("id").asText()).isEqualTo(org.orgId());
  }

  @Test
  void organization_unknownOrNotTheCallers_is404_andABotMayNotAsk() {
    assertThat(client.get(org.adminToken(), "/organizations/11111111-2222-3333-4444-555555555555").status())
        .isEqualTo(404);
    assertThat(client.get(org.adminToken(), "/organizations/" + org.otherOrgId()).status()).isEqualTo(404);
    assertThat(client.get(org.botToken(), "/organizations/" + org.orgId()).status()).isEqualTo(403);
  }
}
