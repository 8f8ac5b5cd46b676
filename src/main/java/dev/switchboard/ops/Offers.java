package dev.switchboard.ops;

import dev.switchboard.command.Command;
import dev.switchboard.command.LocationTarget;
import dev.switchboard.ops.Reply.Tone;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The lines that are not to be run as typed: a near miss ("did you mean ...?"), a change asked about or implied by
 * a situation ("HQ is flooded"), and a follow-up ("Austin too"). A change is asked back first and run as if typed
 * on {@code yes}; a read is answered at once. Nothing here changes anything by itself.
 */
final class Offers {

  private static final Pattern WORD_BREAKS = Pattern.compile("[^\\p{L}\\p{N}_-]+");

  /** Carries out a command for a known principal, as {@link Operations} does for one typed. */
  @FunctionalInterface
  interface Actor {
    Reply act(Requester requester, Principal principal, Command command, String text);
  }

  private final Function<String, Command> parse;
  private final Confirmations confirmations;
  private final LocationDirectory directory;
  private final LastSubjects lastSubjects;
  private final Clock clock;
  private final Actor actor;
  private final Set<String> presets;

  /** {@code presets}: the policy's preset names, which a situation named after one brings into its offer. */
  Offers(Function<String, Command> parse, Confirmations confirmations, LocationDirectory directory,
      LastSubjects lastSubjects, Clock clock, Actor actor, Set<String> presets) {
    this.presets = presets;
    this.parse = parse;
    this.confirmations = confirmations;
    this.directory = directory;
    this.lastSubjects = lastSubjects;
    this.clock = clock;
    this.actor = actor;
  }

  /** A line that is no command: with a likely one, offered for {@code yes} unless something else is waiting. */
  Reply unknown(Requester requester, Principal principal, Command.Unknown unknown, String text) {
    String suggestion = unknown.suggestion() == null ? null
        : withPreset(SuggestedNames.corrected(unknown.suggestion(), parse.apply(unknown.suggestion()), directory), text);
    if (unknown.offer()) return offer(requester, principal, suggestion, text);
    Reply.Builder reply = Reply.of(Tone.INFO, "I don't know that command.");
    if (suggestion != null) {
      if (confirmations.waiting(requester)) {
        reply.text("Did you mean `" + Reply.literal(suggestion) + "`?");
      } else {
        confirmations.put(new Confirmations.Pending(requester, principal.displayName(), text,
            new Plan.Suggestion(suggestion), clock.instant()));
        reply.text("Did you mean `" + Reply.literal(suggestion) + "`? Reply `yes` within 2 minutes to run it.");
      }
    }
    // the usage of the closest command, else the parser's own pointer to help: never the pointer twice
    if (unknown.usage() != null && !unknown.usage().startsWith("Type `help`")) {
      return reply.text(unknown.usage()).text("Type `help` to see everything I can do.").build();
    }
    return reply.text("Type `help` to see everything I can do.").build();
  }

  /**
   * "storm at HQ" with a {@code storm} preset in the policy: the offer turns intercept on with that preset, which is
   * what the preset is there for. Only a whole word of the line names it, and only an intercept-on offer without one.
   */
  private String withPreset(String suggestion, String text) {
    if (!(parse.apply(suggestion) instanceof Command.InterceptChange change) || !change.enable()
        || change.preset() != null) {
      return suggestion;
    }
    String words = " " + WORD_BREAKS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
    for (String preset : presets) {
      if (!preset.isBlank() && words.contains(" " + preset.toLowerCase(Locale.ROOT) + " ")) {
        return suggestion + " preset " + preset;
      }
    }
    return suggestion;
  }

  /**
   * "intercept on at Denvr": refused whole (no location has the name, so nothing was done), yet the one nearest name
   * is clear; the refusal offers the line with it, for {@code yes}, as a typo in the command's words is offered.
   */
  Reply withCorrection(Requester requester, Principal principal, Command command, String text, Reply reply) {
    if (!(command instanceof Command.InterceptChange) && !(command instanceof Command.InterceptStatus)) return reply;
    if (reply.tone() != Tone.WARNING || confirmations.waiting(requester)) return reply;
    String corrected;
    try {
      corrected = SuggestedNames.corrected(text, command, directory);
    } catch (RuntimeException e) {
      return reply; // the locations could not be read: the refusal stands as it is
    }
    if (corrected.equals(text)) return reply;
    confirmations.put(new Confirmations.Pending(requester, principal.displayName(), text,
        new Plan.Suggestion(corrected), clock.instant()));
    Reply.Builder offered = Reply.of(reply.tone(), reply.title());
    reply.blocks().forEach(offered::block);
    offered.text("Reply `yes` within 2 minutes to run `" + Reply.literal(corrected) + "`.");
    if (reply.audience() == Reply.Audience.EVERYONE) offered.toEveryone();
    return offered.build();
  }

  /** "same for Denver", "what about bob?": the asker's last command here, about that one; a change is offered. */
  Reply again(Requester requester, Principal principal, Command.Again again, String text) {
    Optional<String> line = lastSubjects.again(requester, again.name());
    if (line.isEmpty()) {
      return Reply.note(Tone.INFO, "Same as what? I have no command of yours here about one location or person "
          + "from the last " + LastSubjects.KEPT.toMinutes() + " minutes; say it in full, as in `intercept status at "
          + Reply.literal(again.name()) + "`.");
    }
    Command meant = parse.apply(line.get());
    if (!meant.spec().access().changes()) return actor.act(requester, principal, meant, line.get());
    Optional<String> first = lastSubjects.subject(requester);
    if (again.instead() && first.isPresent()) {
      // "I meant Denver": the change is made there too, and the first stays as it is unless put back; undo would not
      // do it once yes has run, as the change at Denver is then the asker's last
      String back = meant instanceof Command.InterceptChange change
          ? " (`intercept " + (change.enable() ? "off" : "on") + " at " + Reply.literal(first.get()) + "` puts it back)"
          : "";
      return offer(requester, principal, line.get(), text,
          Reply.literal(first.get()) + " stays as you left it" + back + ".");
    }
    return offer(requester, principal, line.get(), text, null);
  }

  /**
   * "make it 2 hours": the asker's last intercept change here with its time replaced, offered for yes ("Shall I run
   * `intercept on at HQ for 2 hours`?"). Run, it is a later change there, which takes over the earlier one's plan.
   */
  Reply retime(Requester requester, Principal principal, Command.Retime retime, String text) {
    Optional<String> last = lastSubjects.lastChange(requester);
    if (last.isEmpty()) {
      return Reply.note(Tone.INFO, "I have no intercept change of yours here from the last "
          + LastSubjects.KEPT.toMinutes() + " minutes to make `" + Reply.literal(retime.timing()) + "`; say it in "
          + "full, as in `intercept on at HQ " + Reply.literal(retime.timing()) + "`.");
    }
    Optional<String> line = Retimed.line(last.get(), retime.timing(), parse);
    if (line.isEmpty()) {
      return Reply.note(Tone.INFO, "I could not put `" + Reply.literal(retime.timing()) + "` into `"
          + Reply.literal(last.get()) + "`; say the change in full with its time.");
    }
    Command meant = parse.apply(line.get());
    if (meant instanceof Command.Invalid) return actor.act(requester, principal, meant, line.get()); // "until 7": am?
    return offer(requester, principal, line.get(), text);
  }

  /** Keeps {@code line} for a follow-up when its command is about one location or person. */
  void remember(Requester requester, String line, Command command) {
    lastSubjects.remember(requester, line, command);
  }

  /** A change understood but not to be run as said: asked back first, and run as if typed on {@code yes}. */
  private Reply offer(Requester requester, Principal principal, String line, String text) {
    return offer(requester, principal, line, text, null);
  }

  /** As {@link #offer(Requester, Principal, String, String)}, with {@code note} (if any) after the question. */
  private Reply offer(Requester requester, Principal principal, String line, String text, String note) {
    Command meant = parse.apply(line);
    if (!Permissions.mayRun(principal, meant.spec().access())) {
      return actor.act(requester, principal, meant, text); // "can I ...?" of someone who may not: no, and whom to ask
    }
    Optional<Reply> nowhere = nowhere(meant);
    if (nowhere.isPresent()) return nowhere.get(); // "turn bob off": no location is called bob, so nothing to offer
    Reply.Builder offer = Reply.of(Tone.INFO, "Shall I run `" + Reply.literal(line) + "`?");
    if (note != null) offer.text(note);
    if (confirmations.waiting(requester)) {
      return offer.text("Say it as a command when you have answered what is waiting.").build();
    }
    confirmations.put(new Confirmations.Pending(requester, principal.displayName(), text, new Plan.Suggestion(line),
        clock.instant()));
    return offer.text("Reply `yes` within 2 minutes to run it.").build();
  }

  /** The answer when {@code meant} names a location that is not there: its {@code yes} could only say so. */
  private Optional<Reply> nowhere(Command meant) {
    LocationTarget target = meant instanceof Command.InterceptChange change ? change.target() : null;
    if (!(target instanceof LocationTarget.Named) && !(target instanceof LocationTarget.AllExcept)) {
      return Optional.empty();
    }
    try {
      return Targets.resolve(target, directory) instanceof Targets.Resolved.Problem problem
          ? Optional.of(problem.reply()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // the locations could not be read: offered as said, and its yes will say why
    }
  }
}
