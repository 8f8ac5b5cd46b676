package dev.switchboard.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words people use for Webex Calling's outgoing call types ("international", "long distance", "premium"), each
 * to the {@code callType} values of the Calling spec it stands for; "premium" is both premium types.
 */
final class CallTypeWords {

  private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static {
    put(Set.of("INTERNATIONAL"), "international", "intl", "overseas", "abroad", "foreign");
    put(Set.of("NATIONAL"), "national", "long distance", "long-distance", "domestic");
    put(Set.of("TOLL_FREE"), "toll free", "toll-free", "tollfree", "free phone", "freephone");
    put(Set.of("INTERNAL_CALL"), "internal", "extension", "in-house");
    put(Set.of("OPERATOR_ASSISTED"), "operator assisted", "operator-assisted", "operator");
    put(Set.of("CHARGEABLE_DIRECTORY_ASSISTED"), "chargeable directory assisted", "directory assistance",
        "directory assisted", "directory", "411");
    put(Set.of("SPECIAL_SERVICES_I"), "special services i", "special services 1", "special 1");
    put(Set.of("SPECIAL_SERVICES_II"), "special services ii", "special services 2", "special 2");
    put(Set.of("SPECIAL_SERVICES_I", "SPECIAL_SERVICES_II"), "special services", "special");
    put(Set.of("PREMIUM_SERVICES_I"), "premium services i", "premium services 1", "premium 1");
    put(Set.of("PREMIUM_SERVICES_II"), "premium services ii", "premium services 2", "premium 2");
    put(Set.of("PREMIUM_SERVICES_I", "PREMIUM_SERVICES_II"), "premium services", "premium rate", "premium");
  }

  /** The words, longest first, as a regex alternation ("premium services i" before "premium"). */
  static final String ALTERNATION = String.join("|", WORDS.keySet().stream()
      .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList());

  private CallTypeWords() {}

  private static void put(Set<String> types, String... words) {
    for (String word : words) {
      WORDS.put(word, types);
    }
  }

  /** The call types {@code words} names; empty when they name none. */
  static Set<String> of(String words) {
    String key = words == null ? "" : SPACES.matcher(words.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    return WORDS.getOrDefault(key, Set.of());
  }
}
