package dev.switchboard.ops.schedule;

import dev.switchboard.ops.Policy;
import dev.switchboard.command.InterceptOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The policy's intercept presets, read once at start: each a name and the options it stands for. A preset naming
 * an option Switchboard does not know keeps its other options and is reported in {@link #warnings()}; a preset
 * whose values are not valid options is left out and reported.
 */
public final class Presets {

  /** One preset: its name, the options it names, and those options as typed ({@code voicemail announce +1...}). */
  record Preset(String name, InterceptOptions options, String text) {}

  private static final List<String> KNOWN = List.of("voicemail", "announce", "zero", "outbound", "outboundTo",
      "inbound");

  private final Map<String, Preset> byName;
  private final List<String> warnings;

  private Presets(Map<String, Preset> byName, List<String> warnings) {
    this.byName = byName;
    this.warnings = List.copyOf(warnings);
  }

  public static Presets from(Policy policy) {
    Map<String, Preset> byName = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    policy.presets().forEach((name, values) -> {
      List<String> words = new ArrayList<>();
      values.forEach((option, value) -> {
        String typed = words(option, value);
        if (typed == null) {
          warnings.add("The policy's preset '" + name + "' names unknown option '" + option + "', which is ignored "
              + "(presets know " + String.join(", ", KNOWN) + ").");
        } else {
          words.add(typed);
        }
      });
      String text = String.join(" ", words);
      try {
        byName.put(name.toLowerCase(Locale.ROOT), new Preset(name, InterceptOptions.parse(text), text));
      } catch (IllegalArgumentException e) {
        warnings.add("The policy's preset '" + name + "' is left out: " + e.getMessage());
      }
    });
    return new Presets(byName, warnings);
  }

  /** An option of a preset as it would be typed; null when the option is unknown. */
  private static String words(String option, Object value) {
    String v = value == null ? "off" : String.valueOf(value).strip();
    boolean off = value == null || value.equals(Boolean.FALSE) || v.equalsIgnoreCase("off");
    String plus = v.matches("\\d{8,15}") ? "+" + v : v; // YAML reads +12147691003 as a number
    return switch (option.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT)) {
      case "voicemail" -> off ? "no voicemail" : "voicemail";
      case "announce" -> "announce " + (off ? "off" : plus);
      case "zero", "zerotransfer" -> "zero " + (off ? "off" : plus);
      case "outbound" -> "outbound " + v;
      case "outboundto", "outboundtransfer" -> "outbound to " + (off ? "off" : plus);
      case "inbound" -> "inbound " + v;
      default -> null;
    };
  }

  Optional<Preset> named(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  List<Preset> all() {
    return List.copyOf(byName.values());
  }

  public List<String> warnings() {
    return warnings;
  }
}
