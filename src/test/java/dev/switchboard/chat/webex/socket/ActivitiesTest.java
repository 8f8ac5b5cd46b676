package dev.switchboard.chat.webex.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.chat.webex.WebhookEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A pushed activity's REST ids carry its conversation's cluster, found from the catalog as the Webex JS SDK finds it:
 * an org in Frankfurt gets {@code ciscospark://urn:TEAM:eu-central-1_k/MESSAGE/…}, which the REST API needs to find
 * the message; a US one keeps {@code ciscospark://us/…}.
 */
class ActivitiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MESSAGE = "2f1a8c4e-0d51-11ef-9a3b-1f2e3d4c5b6a";
  private static final String ROOM = "7c0ffee0-0d51-11ef-8c1d-6a5b4c3d2e1f";
  private static final String PERSON = "a11ce000-0d51-11ef-b7a2-1a2b3c4d5e6f";

  /** The host map U2C answers (format=hostmap), with a US and a Frankfurt conversation host. */
  private static final String HOSTMAP = """
      {"serviceLinks": {"wdm": "https://wdm-a.wbx2.com/wdm/api/v1",
                        "conversation": "https://conv-a.wbx2.com/conversation/api/v1"},
       "hostCatalog": {
         "conv-a.wbx2.com": [{"host": "conv-a.wbx2.com", "ttl": -1, "priority": 5,
                              "id": "urn:TEAM:us-east-2_a:conversation"}],
         "conv-k.wbx2.com": [{"host": "conv-k.wbx2.com", "ttl": -1, "priority": 5,
                              "id": "urn:TEAM:eu-central-1_k:conversation"}],
         "odd.wbx2.com": [{"host": "odd.wbx2.com", "ttl": -1, "priority": 5, "id": "conversation"}]},
       "format": "hostmap"}""";

  /** The newer catalog shape: services with their cluster id and base URLs. */
  private static final String SERVICES = """
      {"activeServices": {"conversation": "urn:TEAM:me-central-1_d:conversation"},
       "services": [{"id": "urn:TEAM:me-central-1_d:conversation", "serviceName": "conversation",
                     "serviceUrls": [{"baseUrl": "https://prod-adxb-message.svc.webex.com/conversation/api/v1",
                                      "priority": 1}]}]}""";

  @Test
  void aFrankfurtConversation_givesIdsOfItsCluster_andThePersonStaysUs() throws Exception {
    WebhookEnvelope envelope = Activities.envelope(activity("post", "conv-k.wbx2.com"), clusters(HOSTMAP)).get();

    assertThat(envelope.is("messages", "created")).isTrue();
    assertThat(decode(envelope.data().id())).isEqualTo("ciscospark://urn:TEAM:eu-central-1_k/MESSAGE/" + MESSAGE);
    assertThat(decode(envelope.data().roomId())).isEqualTo("ciscospark://urn:TEAM:eu-central-1_k/ROOM/" + ROOM);
    assertThat(decode(envelope.data().personId())).isEqualTo("ciscospark://us/PEOPLE/" + PERSON);
  }

  @Test
  void aCardPressInFrankfurt_isAnActionOfThatCluster() throws Exception {
    WebhookEnvelope envelope = Activities.envelope(activity("cardAction", "conv-k.wbx2.com"), clusters(HOSTMAP)).get();

    assertThat(envelope.is("attachmentActions", "created")).isTrue();
    assertThat(decode(envelope.data().id()))
        .isEqualTo("ciscospark://urn:TEAM:eu-central-1_k/ATTACHMENT_ACTION/" + MESSAGE);
  }

  @Test
  void theOriginalUsCluster_keepsTheShortName() throws Exception {
    WebhookEnvelope envelope = Activities.envelope(activity("post", "conv-a.wbx2.com"), clusters(HOSTMAP)).get();

    assertThat(decode(envelope.data().id())).isEqualTo("ciscospark://us/MESSAGE/" + MESSAGE);
    assertThat(decode(envelope.data().roomId())).isEqualTo("ciscospark://us/ROOM/" + ROOM);
  }

  @Test
  void theServicesShapeOfTheCatalog_namesClustersToo() throws Exception {
    WebhookEnvelope envelope = Activities.envelope(activity("share", "prod-adxb-message.svc.webex.com"),
        clusters(SERVICES)).get();

    assertThat(decode(envelope.data().id())).isEqualTo("ciscospark://urn:TEAM:me-central-1_d/MESSAGE/" + MESSAGE);
  }

  @Test
  void aHostTheCatalogDoesNotName_aClusterIdNotOfThreeParts_orNoCatalog_giveUsIds() throws Exception {
    assertThat(decode(Activities.envelope(activity("post", "conv-z.wbx2.com"), clusters(HOSTMAP)).get().data().id()))
        .isEqualTo("ciscospark://us/MESSAGE/" + MESSAGE);
    assertThat(decode(Activities.envelope(activity("post", "odd.wbx2.com"), clusters(HOSTMAP)).get().data().id()))
        .isEqualTo("ciscospark://us/MESSAGE/" + MESSAGE);
    assertThat(decode(Activities.envelope(activity("post", "conv-k.wbx2.com"), Clusters.US_ONLY).get().data().id()))
        .isEqualTo("ciscospark://us/MESSAGE/" + MESSAGE);
    JsonNode withoutUrl = activity("post", "conv-k.wbx2.com");
    ((com.fasterxml.jackson.databind.node.ObjectNode) withoutUrl.get("target")).remove("url");
    assertThat(decode(Activities.envelope(withoutUrl, clusters(HOSTMAP)).get().data().id()))
        .isEqualTo("ciscospark://us/MESSAGE/" + MESSAGE);
  }

  private static Clusters clusters(String catalog) throws Exception {
    return Clusters.of(JSON.readTree(catalog));
  }

  private static JsonNode activity(String verb, String conversationHost) throws Exception {
    return JSON.readTree("""
        {"id": "%s", "objectType": "activity", "verb": "%s", "published": "2026-12-04T10:00:00.000Z",
         "actor": {"id": "%s", "objectType": "person", "entryUUID": "%s", "emailAddress": "ana@example.com"},
         "target": {"id": "%s", "objectType": "conversation",
                    "url": "https://%s/conversation/api/v1/conversations/%s"}}"""
        .formatted(MESSAGE, verb, PERSON, PERSON, ROOM, conversationHost, ROOM));
  }

  private static String decode(String id) {
    return new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
  }
}
