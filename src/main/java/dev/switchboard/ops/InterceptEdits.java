package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.InterceptSettings.Announcements;
import dev.switchboard.calling.InterceptSettings.Greeting;
import dev.switchboard.calling.InterceptSettings.Incoming;
import dev.switchboard.calling.InterceptSettings.IncomingType;
import dev.switchboard.calling.InterceptSettings.NumberSetting;
import dev.switchboard.calling.InterceptSettings.Outgoing;
import dev.switchboard.calling.InterceptSettings.OutgoingType;
import dev.switchboard.ops.Reply.Change;
import dev.switchboard.ops.Reply.Fact;
import dev.switchboard.command.InboundType;
import dev.switchboard.command.InterceptOptions;
import dev.switchboard.command.NumberOption;
import dev.switchboard.command.OutboundType;
import dev.switchboard.command.PhoneNumbers;
import dev.switchboard.command.DialString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Read-modify-write for location intercept, as pure functions: apply what a command names to the
 * settings read from Webex, and describe settings in words for replies.
 */
public final class InterceptEdits {

  private InterceptEdits() {}

  /**
   * The settings to write: the current ones with only what the command names changed. Numbers are
   * already normalised, keyed by what the user typed.
   */
  public static InterceptSettings apply(InterceptSettings current, boolean enable, InterceptOptions options,
      Map<String, String> e164) {
    Incoming in = current.incoming() != null ? current.incoming() : new Incoming(null, null, null);
    Announcements ann = in.announcements() != null ? in.announcements() : new Announcements(null, null, null, null);
    Outgoing out = current.outgoing() != null ? current.outgoing() : new Outgoing(null, null, null);

    IncomingType inType = options.inbound() == null ? in.type()
        : options.inbound() == InboundType.ALLOW_ALL ? IncomingType.ALLOW_ALL : IncomingType.INTERCEPT_ALL;
    Boolean voicemail = options.voicemail() != null ? options.voicemail() : in.voicemailEnabled();
    NumberSetting newNumber = number(ann.newNumber(), options.announce(), e164);
    NumberSetting zero = number(ann.zeroTransfer(), options.zeroTransfer(), e164);
    OutgoingType outType = options.outbound() == null ? out.type()
        : options.outbound() == OutboundType.LOCAL_ONLY ? OutgoingType.ALLOW_LOCAL_ONLY : OutgoingType.INTERCEPT_ALL;
    Boolean transferEnabled = out.transferEnabled();
    String destination = out.destination();
    if (options.outboundTransfer() instanceof NumberOption.To to) {
      transferEnabled = true;
      destination = e164.get(to.number().raw());
    } else if (options.outboundTransfer() instanceof NumberOption.Off) {
      transferEnabled = false;
    }
    Announcements announcements = new Announcements(ann.greeting(), ann.fileName(), newNumber, zero);
    return forWriting(new InterceptSettings(enable,
        new Incoming(inType, voicemail, announcements),
        new Outgoing(outType, transferEnabled, destination)));
  }

  /**
   * What is PUT: the full settings, without {@code fileName} unless the greeting is custom (Webex
   * rejects a file name it did not issue, and a default greeting has none).
   */
  public static InterceptSettings forWriting(InterceptSettings settings) {
    Incoming in = settings.incoming();
    if (in == null || in.announcements() == null) return settings;
    Announcements ann = in.announcements();
    if (ann.greeting() == Greeting.CUSTOM || ann.fileName() == null) return settings;
    Announcements withoutFile = new Announcements(ann.greeting(), null, ann.newNumber(), ann.zeroTransfer());
    return new InterceptSettings(settings.enabled(), new Incoming(in.type(), in.voicemailEnabled(), withoutFile),
        settings.outgoing());
  }

  /**
   * The body that puts back exactly the settings read before a change. A number the before-state
   * did not have is cleared with an empty string, since leaving it out would keep the current one.
   */
  static InterceptSettings restoring(InterceptSettings before, InterceptSettings current) {
    InterceptSettings body = forWriting(before);
    Incoming in = body.incoming();
    Incoming now = current.incoming();
    if (in != null && in.announcements() != null && now != null && now.announcements() != null) {
      Announcements a = in.announcements();
      in = in.withAnnouncements(a
          .withNewNumber(clearing(a.newNumber(), now.announcements().newNumber()))
          .withZeroTransfer(clearing(a.zeroTransfer(), now.announcements().zeroTransfer())));
    }
    Outgoing out = body.outgoing();
    if (out != null && out.destination() == null && current.outgoing() != null
        && current.outgoing().destination() != null) {
      out = out.withDestination("");
    }
    return new InterceptSettings(body.enabled(), in, out);
  }

  private static NumberSetting clearing(NumberSetting before, NumberSetting now) {
    if (before == null || before.destination() != null || now == null || now.destination() == null) return before;
    return before.withDestination("");
  }

  private static NumberSetting number(NumberSetting current, NumberOption option, Map<String, String> e164) {
    if (option == null) return current;
    String destination = current == null ? null : current.destination();
    if (option instanceof NumberOption.To to) return new NumberSetting(true, e164.get(to.number().raw()));
    return new NumberSetting(false, destination);
  }

  /** True when intercept is on but lets every incoming call through: it intercepts little. */
  static boolean interceptsNoIncoming(InterceptSettings s) {
    return Boolean.TRUE.equals(s.enabled()) && s.incoming() != null && s.incoming().type() == IncomingType.ALLOW_ALL;
  }

  public static boolean isOn(InterceptSettings s) {
    return Boolean.TRUE.equals(s.enabled());
  }

  /** The settings in words, one fact per line, in the order admins read them. */
  static List<Fact> describe(InterceptSettings s, String region) {
    Incoming in = s.incoming();
    Announcements ann = in == null ? null : in.announcements();
    Outgoing out = s.outgoing();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Intercept", onOff(s.enabled())));
    facts.add(new Fact("Incoming", in == null || in.type() == null ? "-"
        : in.type() == IncomingType.ALLOW_ALL ? "allow all" : "intercept all"));
    facts.add(new Fact("Voicemail", in == null ? "-" : onOff(in.voicemailEnabled())));
    facts.add(new Fact("Announce new number", numberSetting(ann == null ? null : ann.newNumber(), region)));
    facts.add(new Fact("Zero transfers to", numberSetting(ann == null ? null : ann.zeroTransfer(), region)));
    facts.add(new Fact("Outgoing", out == null || out.type() == null ? "-"
        : out.type() == OutgoingType.ALLOW_LOCAL_ONLY ? "local calls allowed" : "intercept all"));
    facts.add(new Fact("Outgoing transfer to",
        out == null || !Boolean.TRUE.equals(out.transferEnabled()) ? "off" : display(out.destination(), region)));
    return facts;
  }

  /** Before and after, field by field. */
  public static List<Change> changes(InterceptSettings before, InterceptSettings after, String region) {
    List<Fact> b = describe(before, region);
    List<Fact> a = describe(after, region);
    List<Change> rows = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) rows.add(new Change(a.get(i).label(), b.get(i).value(), a.get(i).value()));
    return rows;
  }

  /**
   * Whether two settings say the same once numbers are compared as numbers: Webex may return a
   * number formatted ("214-769-1003") that Switchboard wrote as E.164.
   */
  static boolean sameLive(InterceptSettings a, InterceptSettings b, String region) {
    return same(numbersNormalised(a, region), numbersNormalised(b, region));
  }

  private static InterceptSettings numbersNormalised(InterceptSettings s, String region) {
    Incoming in = s.incoming();
    if (in != null && in.announcements() != null) {
      Announcements a = in.announcements();
      in = in.withAnnouncements(a.withNewNumber(normalised(a.newNumber(), region))
          .withZeroTransfer(normalised(a.zeroTransfer(), region)));
    }
    Outgoing out = s.outgoing();
    if (out != null && out.destination() != null) {
      out = out.withDestination(PhoneNumbers.display(out.destination(), region));
    }
    return new InterceptSettings(s.enabled(), in, out);
  }

  private static NumberSetting normalised(NumberSetting n, String region) {
    return n == null || n.destination() == null ? n : n.withDestination(PhoneNumbers.display(n.destination(), region));
  }

  /** What changes between two settings, in one line: "intercept off → on; voicemail off → on"; "unchanged". */
  public static String difference(InterceptSettings before, InterceptSettings after, String region) {
    List<String> parts = new ArrayList<>();
    changes(before, after, region).stream().filter(Change::changed)
        .forEach(c -> parts.add(c.field().toLowerCase(Locale.ROOT) + " " + c.before() + " → " + c.after()));
    return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
  }

  /**
   * What a change made of the settings, in one line: only the fields it changed, at their new values ("intercept on;
   * voicemail on"). The answer to a confirmed preview: the preview above it showed each before already.
   */
  public static String changedTo(InterceptSettings before, InterceptSettings after, String region) {
    List<String> parts = new ArrayList<>();
    changes(before, after, region).stream().filter(Change::changed)
        .forEach(c -> parts.add(c.field().toLowerCase(Locale.ROOT) + " " + c.after()));
    return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
  }

  /** The numbers a command's options name (announce, zero, outbound transfer), as typed. */
  public static List<DialString> numbersOf(InterceptOptions options) {
    List<DialString> numbers = new ArrayList<>();
    Stream.of(options.announce(), options.zeroTransfer(), options.outboundTransfer())
        .filter(o -> o instanceof NumberOption.To)
        .forEach(o -> numbers.add(((NumberOption.To) o).number()));
    return numbers;
  }

  /** Whether two readings show the same settings, ignoring what Webex may omit. */
  public static boolean same(InterceptSettings a, InterceptSettings b) {
    return Objects.equals(forWriting(a), forWriting(b));
  }

  private static String numberSetting(NumberSetting n, String region) {
    if (n == null || !Boolean.TRUE.equals(n.enabled())) return "off";
    return display(n.destination(), region);
  }

  static String display(String number, String region) {
    return number == null || number.isBlank() ? "(no number)" : ShownNumbers.shown(number, region);
  }

  private static String onOff(Boolean b) {
    return b == null ? "-" : b ? "on" : "off";
  }
}
