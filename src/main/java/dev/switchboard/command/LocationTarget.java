package dev.switchboard.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Which locations an intercept command is about: every calling-enabled location, named ones, or all but some. */
public sealed interface LocationTarget {

  /** Every calling-enabled location of the organisation. */
  record All() implements LocationTarget {
    @Override
    public String toString() {
      return "all locations";
    }
  }

  /** Locations by name as typed: non-empty, trimmed, de-duplicated case-insensitively, in the order given. */
  record Named(List<String> names) implements LocationTarget {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Named {
      Objects.requireNonNull(names, "names");
      List<String> kept = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String name : names) {
        String trimmed = SPACES.matcher(Objects.requireNonNull(name, "name").strip()).replaceAll(" ");
        if (!trimmed.isEmpty() && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
          kept.add(trimmed);
        }
      }
      if (kept.isEmpty()) {
        throw new IllegalArgumentException("Name at least one location");
      }
      names = List.copyOf(kept);
    }

    /** A target of the given names. */
    public static Named of(String... names) {
      return new Named(List.of(names));
    }

    @Override
    public String toString() {
      return String.join(", ", names);
    }
  }

  /**
   * "my sites", "all my locations": the asker's own, which only the operations know (the locations a location admin
   * administers; every location for someone whose rights are not per location).
   */
  record Mine() implements LocationTarget {
    @Override
    public String toString() {
      return "my locations";
    }
  }

  /** Every calling-enabled location except those named ("all except HQ", "all but Sydney"). */
  record AllExcept(Named excluded) implements LocationTarget {
    public AllExcept {
      Objects.requireNonNull(excluded, "excluded");
    }

    @Override
    public String toString() {
      return "all locations except " + excluded;
    }
  }
}
