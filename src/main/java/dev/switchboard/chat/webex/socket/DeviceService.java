package dev.switchboard.chat.webex.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.TokenProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's device registration, as the Webex JS SDK's device plugin and webex_bot keep it: the device service is found
 * in the U2C catalog, a device with our name is reused (extras deleted, so registrations stay bounded: Webex limits
 * devices per user), refreshed with PUT, registered again when Webex no longer knows it (404), deleted on a clean stop.
 */
public final class DeviceService {

  private static final Logger log = LoggerFactory.getLogger(DeviceService.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** Where webex_bot and the SDKs go when the catalog does not name a device service. */
  public static final String FALLBACK_WDM = "https://wdm-a.wbx2.com/wdm/api/v1";
  /** The name our device is registered and recognised by. */
  public static final String DEVICE_NAME = "switchboard-bot";

  private final HttpUrl u2c;
  private final OkHttpClient http;
  private final TokenProvider tokens;
  private final ObjectMapper mapper;
  private volatile HttpUrl wdm;
  private volatile Clusters clusters = Clusters.US_ONLY;

  /** {@code u2c} is the catalog service's base, e.g. {@code https://u2c.wbx2.com/u2c/api/v1}. */
  public DeviceService(HttpUrl u2c, OkHttpClient http, TokenProvider tokens, ObjectMapper mapper) {
    this.u2c = u2c;
    this.http = http;
    this.tokens = tokens;
    this.mapper = mapper;
  }

  /**
   * The device service's base URL from {@code GET {u2c}/catalog?format=hostmap}'s {@code serviceLinks.wdm}; the same
   * answer's hosts name the clusters conversations live in ({@link #clusters()}).
   */
  HttpUrl deviceService() {
    HttpUrl known = wdm;
    if (known != null) return known;
    HttpUrl catalog = u2c.newBuilder().addPathSegment("catalog").addQueryParameter("format", "hostmap").build();
    JsonNode body = call(new Request.Builder().url(catalog).get(), "read the service catalog");
    clusters = Clusters.of(body);
    String link = body.path("serviceLinks").path("wdm").asText("");
    HttpUrl found = HttpUrl.parse(link);
    if (found == null) {
      log.warn("The U2C catalog names no device service (serviceLinks.wdm); using {}", FALLBACK_WDM);
      found = HttpUrl.get(FALLBACK_WDM);
    }
    wdm = found;
    return found;
  }

  /** The clusters the catalog names, read with the device service (US only until then). */
  Clusters clusters() {
    return clusters;
  }

  /** Our device: the one registered under our name (extras deleted), else a new one. */
  public Device register() {
    HttpUrl devices = deviceService().newBuilder().addPathSegment("devices").build();
    JsonNode listed = call(new Request.Builder().url(devices).get(), "list the bot's devices");
    List<Device> ours = new ArrayList<>();
    for (JsonNode device : listed.path("devices")) {
      if (DEVICE_NAME.equals(device.path("name").asText())) ours.add(read(device));
    }
    if (!ours.isEmpty()) {
      for (Device extra : ours.subList(1, ours.size())) delete(extra);
      log.info("Reusing the bot's Webex device {}", ours.get(0).url());
      return ours.get(0);
    }
    Device created = read(call(new Request.Builder().url(devices).post(body()), "register a device"));
    log.info("Registered a Webex device for the bot: {}", created.url());
    return created;
  }

  /** {@code PUT {device.url}}; a device Webex no longer knows (404) is registered again. */
  public Device refresh(Device device) {
    try {
      return read(call(new Request.Builder().url(device.url()).put(body()), "refresh the device"));
    } catch (DeviceException e) {
      if (e.status() != 404) throw e;
      log.info("Webex no longer knows device {}: registering again", device.url());
      return register();
    }
  }

  /** {@code DELETE {device.url}}, on a clean stop: the next start registers afresh. Failures are logged only. */
  public void delete(Device device) {
    Request request = new Request.Builder().url(device.url()).delete()
        .header("Authorization", "Bearer " + tokens.token()).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful() && response.code() != 404) {
        log.warn("Could not delete device {}: {}", device.url(), response.code());
      }
    } catch (IOException e) {
      log.warn("Could not delete device {}: {}", device.url(), e.getMessage());
    }
  }

  private RequestBody body() {
    // The fields the SDKs send; the name is how the next start recognises the device as ours.
    Map<String, String> device = Map.of("deviceName", DEVICE_NAME, "deviceType", "DESKTOP", "localizedModel",
        "switchboard", "model", "switchboard", "name", DEVICE_NAME, "systemName", "switchboard", "systemVersion", "1");
    try {
      return RequestBody.create(mapper.writeValueAsBytes(device), JSON);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Device read(JsonNode json) {
    if (!json.hasNonNull("url") || !json.hasNonNull("webSocketUrl")) {
      throw new DeviceException(0, "The device service answered without url or webSocketUrl");
    }
    return new Device(json.get("url").asText(), json.get("webSocketUrl").asText(), json.path("name").asText(null));
  }

  private JsonNode call(Request.Builder builder, String what) {
    String token = tokens.token();
    Request request = builder.header("Authorization", "Bearer " + token).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() == 401) tokens.invalidate(token);
      if (!response.isSuccessful()) {
        throw new DeviceException(response.code(), "Could not " + what + ": " + response.code()
            + " from " + request.url().host());
      }
      return mapper.readTree(response.body().byteStream());
    } catch (IOException e) {
      throw new DeviceException(0, "Could not " + what + ": " + e.getMessage());
    }
  }
}
