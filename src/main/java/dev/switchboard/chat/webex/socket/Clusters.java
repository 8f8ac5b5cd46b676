package dev.switchboard.chat.webex.socket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Webex cluster a conversation lives in, from the U2C catalog's hosts, as the Webex JS SDK finds it for the
 * REST ids of what the websocket pushes: the host of an activity's conversation URL names a cluster id such as
 * {@code urn:TEAM:eu-central-1_k:conversation}, and the REST id of a message there is
 * {@code base64url("ciscospark://urn:TEAM:eu-central-1_k/MESSAGE/{uuid}")}. The original US cluster is plain
 * {@code us}, as is every id whose cluster the catalog does not name.
 *
 * <p>Both catalog shapes are read: the host map's {@code hostCatalog} (host → entries with {@code host} and
 * {@code id}) and the newer {@code services} list (entries with {@code id} and {@code serviceUrls[].baseUrl}).
 */
final class Clusters {

  private static final Logger log = LoggerFactory.getLogger(Clusters.class);
  /** The US clusters whose ids keep the short name {@code us}, for ids written before there were others. */
  private static final String[] US = {"urn:TEAM:us-east-2_a", "urn:TEAM:us-east-1_int13"};
  static final String DEFAULT = "us";

  /** No catalog read yet (or none had hosts): every id is a US one. */
  static final Clusters US_ONLY = new Clusters(Map.of());

  private final Map<String, String> clusterByHost;

  private Clusters(Map<String, String> clusterByHost) {
    this.clusterByHost = clusterByHost;
  }

  /** The clusters named in a U2C catalog answer; a catalog without hosts names none. */
  static Clusters of(JsonNode catalog) {
    Map<String, String> byHost = new HashMap<>();
    catalog.path("hostCatalog").fields().forEachRemaining(hostAndEntries -> {
      for (JsonNode entry : hostAndEntries.getValue()) {
        String id = entry.path("id").asText("");
        if (id.isEmpty()) continue;
        String host = entry.path("host").asText("");
        if (!host.isEmpty()) byHost.putIfAbsent(host.toLowerCase(Locale.ROOT), id);
        byHost.putIfAbsent(hostAndEntries.getKey().toLowerCase(Locale.ROOT), id);
      }
    });
    for (JsonNode service : catalog.path("services")) {
      String id = service.path("id").asText("");
      if (id.isEmpty()) continue;
      for (JsonNode url : service.path("serviceUrls")) {
        HttpUrl base = HttpUrl.parse(url.path("baseUrl").asText(""));
        if (base != null) byHost.putIfAbsent(base.host(), id);
      }
    }
    byHost.replaceAll(Clusters::idPart);
    return byHost.isEmpty() ? US_ONLY : new Clusters(Map.copyOf(byHost));
  }

  /**
   * The cluster part of REST ids for what lives at {@code conversationUrl}. {@code us} when the URL is missing or its
   * host is not in the catalog, as ids were before Webex had other clusters.
   */
  String of(String conversationUrl) {
    HttpUrl url = conversationUrl == null ? null : HttpUrl.parse(conversationUrl);
    return url == null ? DEFAULT : clusterByHost.getOrDefault(url.host(), DEFAULT);
  }

  /**
   * What REST ids call the cluster {@code clusterId} names: {@code us} for the US cluster, else its first three parts
   * ({@code urn:TEAM:eu-central-1_k}).
   */
  private static String idPart(String host, String clusterId) {
    for (String us : US) {
      if (clusterId.startsWith(us)) return DEFAULT;
    }
    String[] parts = clusterId.split(":");
    if (parts.length < 3) {
      log.warn("The catalog names cluster '{}' for {}, which is not urn:TEAM:<cluster>: using {}", clusterId, host,
          DEFAULT);
      return DEFAULT;
    }
    return parts[0] + ":" + parts[1] + ":" + parts[2];
  }
}
