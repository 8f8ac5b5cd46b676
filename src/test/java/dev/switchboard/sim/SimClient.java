package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp + Jackson client for driving the simulator in tests; independent of our Webex client. */
final class SimClient {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

  record Reply(int status, Headers headers, String raw, JsonNode json) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final WebexSimulator sim;

  SimClient(WebexSimulator sim) {
    this.sim = sim;
  }

  Reply get(String token, String path) {
    return send("GET", token, path, null);
  }

  Reply delete(String token, String path) {
    return send("DELETE", token, path, null);
  }

  Reply put(String token, String path, Object body) {
    return send("PUT", token, path, body);
  }

  Reply post(String token, String path, Object body) {
    return send("POST", token, path, body);
  }

  /** Sends a request; a String body is sent as is, anything else as JSON. A path may also be a full URL. */
  Reply send(String method, String token, String path, Object body) {
    String url = path.startsWith("http") ? path : sim.baseUrl() + path;
    RequestBody requestBody = null;
    if (body != null) {
      try {
        String raw = body instanceof String s ? s : MAPPER.writeValueAsString(body);
        requestBody = RequestBody.create(raw, JSON);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (method.equals("POST") || method.equals("PUT")) {
      requestBody = RequestBody.create(new byte[0], JSON);
    }
    Request.Builder request = new Request.Builder().url(url).method(method, requestBody);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return execute(request.build());
  }

  static Reply execute(Request request) {
    try (Response response = HTTP.newCall(request).execute()) {
      String raw = response.body().string();
      JsonNode json = raw.isEmpty() ? null : MAPPER.readTree(raw);
      return new Reply(response.code(), response.headers(), raw, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
