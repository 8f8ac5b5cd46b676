package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.command.Command;
import dev.switchboard.command.InterceptOptions;
import dev.switchboard.command.Timing;
import java.util.List;
import java.util.Map;

/** What a confirmation carries: the change a preview showed, carried out by {@code yes}. */
public sealed interface Plan {

  /** One location of a planned intercept change: what the preview read and what will be written. */
  record Step(Location location, String region, Map<String, String> numbers, InterceptSettings before,
      InterceptSettings desired) {}

  /**
   * An intercept change at several locations, now; {@code timing} non-null when each is to be taken back
   * automatically (the way back is planned when it is confirmed).
   */
  record Intercept(boolean enable, InterceptOptions options, List<Step> steps, Timing timing) implements Plan {
    public Intercept {
      steps = List.copyOf(steps);
    }

    boolean timed() {
      return timing != null;
    }
  }

  /** A change at several locations that starts later: confirmed, it becomes a schedule. */
  record Later(Command.InterceptChange command, List<Location> locations, Map<String, Map<String, String>> numbers)
      implements Plan {
    public Later {
      locations = List.copyOf(locations);
    }
  }

  /**
   * A "did you mean" offer: {@code yes} runs {@code line} exactly as if it had been typed (authorized, and with a
   * preview where several locations are named). A newer message that is not {@code yes} drops it.
   */
  record Suggestion(String line) implements Plan {}

  /**
   * Numbered choices ("reply 1 or 2"): the number picked runs that line exactly as if it had been typed, like a
   * {@link Suggestion}; {@code yes} alone picks nothing, and a newer message that is no choice drops them.
   */
  record Choices(List<String> lines) implements Plan {
    public Choices {
      lines = List.copyOf(lines);
      if (lines.isEmpty()) throw new IllegalArgumentException("Choices need at least one line");
    }

    /** "1", "1 or 2", "1, 2 or 3": what to reply. */
    String numbers() {
      if (lines.size() == 1) return "1";
      StringBuilder s = new StringBuilder();
      for (int n = 1; n < lines.size(); n++) s.append(n == 1 ? "" : ", ").append(n);
      return s.append(" or ").append(lines.size()).toString();
    }
  }

  /** An undo of a change to several targets. */
  record Undo(String batch, List<AuditEntry> entries) implements Plan {
    public Undo {
      entries = List.copyOf(entries);
    }
  }
}
