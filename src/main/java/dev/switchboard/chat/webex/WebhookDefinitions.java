package dev.switchboard.chat.webex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/** The bot's webhooks as {@code manifest/webex/switchboard.yaml} defines them (packaged into the jar). */
public final class WebhookDefinitions {

  static final String RESOURCE = "/manifest/webex/switchboard.yaml";

  /** One webhook Switchboard owns, recognised by its name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Definition(String name, String resource, String event, String filter) {
    public Definition {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(event, "event");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Manifest(List<Definition> webhooks) {}

  private WebhookDefinitions() {}

  /** The definitions from the packaged manifest. */
  public static List<Definition> load() {
    try (InputStream in = WebhookDefinitions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("The jar lacks " + RESOURCE);
      Manifest manifest = new ObjectMapper(new YAMLFactory()).readValue(in, Manifest.class);
      return List.copyOf(manifest.webhooks());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
