package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A location's call intercept settings: the body of Get Location Intercept and of Put Location Intercept.
 * Every field may be null; null fields are not sent, so a PUT of {@code new InterceptSettings(true, null, null)}
 * changes only {@code enabled}.
 *
 * <p>Enum values Webex adds later read as {@code UNKNOWN}; the client refuses to write {@code UNKNOWN} back.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-location-intercept">Get Location Intercept</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InterceptSettings(Boolean enabled, Incoming incoming, Outgoing outgoing) {

  public InterceptSettings withEnabled(Boolean enabled) {
    return new InterceptSettings(enabled, incoming, outgoing);
  }

  public InterceptSettings withIncoming(Incoming incoming) {
    return new InterceptSettings(enabled, incoming, outgoing);
  }

  /** Whether any enum in these settings is {@code UNKNOWN} (a value this client does not know). */
  public boolean hasUnknownValues() {
    return (incoming != null && (incoming.type() == IncomingType.UNKNOWN
            || (incoming.announcements() != null && incoming.announcements().greeting() == Greeting.UNKNOWN)))
        || (outgoing != null && outgoing.type() == OutgoingType.UNKNOWN);
  }

  /** How inbound calls are handled while intercept is on. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Incoming(IncomingType type, Boolean voicemailEnabled, Announcements announcements) {

    public Incoming withVoicemailEnabled(Boolean voicemailEnabled) {
      return new Incoming(type, voicemailEnabled, announcements);
    }

    public Incoming withAnnouncements(Announcements announcements) {
      return new Incoming(type, voicemailEnabled, announcements);
    }
  }

  /** What intercepted callers hear. The person API spells {@code fileName} as {@code filename}; both are read. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Announcements(Greeting greeting, @JsonAlias("filename") String fileName, NumberSetting newNumber,
      NumberSetting zeroTransfer) {

    public Announcements withNewNumber(NumberSetting newNumber) {
      return new Announcements(greeting, fileName, newNumber, zeroTransfer);
    }

    public Announcements withZeroTransfer(NumberSetting zeroTransfer) {
      return new Announcements(greeting, fileName, newNumber, zeroTransfer);
    }
  }

  /** A number that is announced ({@code newNumber}) or that 0 transfers to ({@code zeroTransfer}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NumberSetting(Boolean enabled, String destination) {

    public NumberSetting withDestination(String destination) {
      return new NumberSetting(enabled, destination);
    }
  }

  /** How outbound calls are handled while intercept is on. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Outgoing(OutgoingType type, Boolean transferEnabled, String destination) {

    public Outgoing withDestination(String destination) {
      return new Outgoing(type, transferEnabled, destination);
    }
  }

  /** {@code incoming.type}; values Webex adds later read as UNKNOWN. */
  public enum IncomingType {
    INTERCEPT_ALL,
    ALLOW_ALL,
    UNKNOWN;

    @JsonCreator
    public static IncomingType fromWire(String value) {
      return WireEnums.parse(IncomingType.class, value, UNKNOWN);
    }
  }

  /** {@code outgoing.type}; values Webex adds later read as UNKNOWN. */
  public enum OutgoingType {
    INTERCEPT_ALL,
    ALLOW_LOCAL_ONLY,
    UNKNOWN;

    @JsonCreator
    public static OutgoingType fromWire(String value) {
      return WireEnums.parse(OutgoingType.class, value, UNKNOWN);
    }
  }

  /** {@code incoming.announcements.greeting}; values Webex adds later read as UNKNOWN. */
  public enum Greeting {
    DEFAULT,
    CUSTOM,
    UNKNOWN;

    @JsonCreator
    public static Greeting fromWire(String value) {
      return WireEnums.parse(Greeting.class, value, UNKNOWN);
    }
  }
}
