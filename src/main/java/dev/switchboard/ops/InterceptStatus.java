package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.ops.Reply.Tone;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code intercept status}: one location in full, several as one line each. */
final class InterceptStatus {

  private final WebexClient client;
  private final LocationDirectory directory;
  private final InterceptReads reads;
  private final PendingPlans plans;
  private final Clock clock;

  InterceptStatus(WebexClient client, LocationDirectory directory, InterceptReads reads, PendingPlans plans,
      Clock clock) {
    this.client = client;
    this.directory = directory;
    this.reads = reads;
    this.plans = plans;
    this.clock = clock;
  }

  Reply status(Principal principal, Command.InterceptStatus command) {
    Targets.Resolved resolved = Targets.resolve(command.target(), directory);
    if (resolved instanceof Targets.Resolved.Problem problem) return problem.reply();
    List<Location> locations = ((Targets.Resolved.Locations) resolved).locations();
    List<Location> readable = locations.stream()
        .filter(l -> Permissions.mayAt(principal, Access.READ_INTERCEPT, l.name())).toList();
    if (readable.isEmpty()) {
      return Replies.denied("see intercept at " + Replies.names(locations),
          Permissions.needed(Access.READ_INTERCEPT, locations.size() == 1 ? locations.get(0).name() : null));
    }
    if (readable.size() == 1 && locations.size() == 1) return one(readable.get(0));

    // ON locations (and those that could not be read) first, never hidden: a cut list leaves out OFF ones only.
    Instant now = clock.instant();
    List<String> onLines = new ArrayList<>();
    List<String> offLines = new ArrayList<>();
    int on = 0;
    for (InterceptReads.Reading reading : reads.readAll(readable)) {
      String plan = plans.at(reading.location().id(), now).map(p -> "; " + p).orElse("");
      if (!reading.ok()) {
        onLines.add(reading.problemLine());
      } else if (InterceptEdits.isOn(reading.settings())) {
        on++;
        onLines.add(reading.location().name() + ": " + summary(reading.settings(),
            directory.regionOf(reading.location())) + plan);
      } else {
        offLines.add(reading.location().name() + ": off" + plan);
      }
    }
    // Asked where it is on, the answer is those: the OFF ones are one command away.
    int room = command.onlyOn() ? 0 : Math.max(0, Replies.LIST_LIMIT - onLines.size());
    List<String> lines = new ArrayList<>(onLines);
    lines.addAll(offLines.subList(0, Math.min(room, offLines.size())));
    Reply.Builder reply = Reply.of(Tone.INFO,
        "Intercept is on at " + Replies.plural(on, "location", "locations") + " of " + readable.size() + ".");
    if (!lines.isEmpty()) reply.block(new Reply.Block.Items(lines, 0));
    if (command.onlyOn() && !offLines.isEmpty()) {
      int off = offLines.size();
      String rest = onLines.isEmpty() ? (off == 1 ? "It is off" : "All " + off + " are off")
          : off == 1 ? "The other is off" : "The other " + off + " are off";
      reply.text(rest + ": **intercept status** lists every location.");
    } else if (offLines.size() > room) {
      reply.text("… and " + (offLines.size() - room) + " more, all off.");
    }
    if (readable.size() < locations.size()) {
      reply.text("Not shown (you may not see them): " + Replies.plural(locations.size() - readable.size(),
          "location", "locations") + ".");
    }
    return reply.build();
  }

  private Reply one(Location location) {
    try {
      InterceptSettings settings = client.locationIntercept(location.id());
      boolean on = InterceptEdits.isOn(settings);
      Reply.Builder reply = Reply.of(on ? Tone.WARNING : Tone.INFO, "Intercept is " + (on ? "ON" : "off") + " at "
              + location.name() + ".")
          .facts(InterceptEdits.describe(settings, directory.regionOf(location)));
      plans.at(location.id(), clock.instant()).ifPresent(plan -> reply.text("Planned: " + plan + "."));
      return reply.build();
    } catch (WebexException e) {
      return Replies.webexError("read intercept at " + location.name(), e);
    }
  }

  /** "off", or "**ON** (voicemail on, …)" with the settings that differ from a plain intercept. */
  private static String summary(InterceptSettings s, String region) {
    if (!InterceptEdits.isOn(s)) return "off";
    List<String> notes = new ArrayList<>();
    InterceptEdits.describe(s, region).stream()
        .filter(f -> !f.label().equals("Intercept"))
        .filter(f -> !f.value().equals("off") && !f.value().equals("-") && !f.value().equals("intercept all"))
        .forEach(f -> notes.add(f.label().toLowerCase(Locale.ROOT) + " " + f.value()));
    return "**ON**" + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
  }
}
