package dev.switchboard.ops;

import dev.switchboard.command.Command;
import dev.switchboard.command.LocationTarget;
import dev.switchboard.command.PersonRef;
import dev.switchboard.command.ScheduleRef;
import dev.switchboard.ops.FollowUpStore.Kept;
import dev.switchboard.ops.FollowUpStore.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last command each person gave in a conversation about one location or one person, so that "same for
 * Denver", "Austin too" or "what about bob?" can stand for it there. Kept for a while only ({@link #KEPT}), in a
 * {@link FollowUpStore}: the database's when replicas share the conversation, so a follow-up reaching another replica
 * finds it. A store that cannot answer loses only the follow-up: the person is asked to say it in full.
 */
final class LastSubjects {

  private static final Logger log = LoggerFactory.getLogger(LastSubjects.class);

  /** How long a command can be followed up. */
  static final Duration KEPT = Duration.ofMinutes(30);
  static final int MOST_PEOPLE = 10_000;
  /** How often what is older than {@link #KEPT} is dropped from the store. */
  private static final Duration SWEEP = Duration.ofMinutes(5);

  private final FollowUpStore store;
  private final Clock clock;
  private volatile Instant swept = Instant.MIN;

  LastSubjects(FollowUpStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Keeps {@code line} when its command is about exactly one location or person; other commands leave it. */
  void remember(Requester requester, String line, Command command) {
    Instant now = clock.instant();
    try {
      Optional<String> subject = subject(command);
      if (subject.isPresent()) store.put(requester.key(), Kind.SUBJECT, new Kept(line, subject.get(), now));
      if (command instanceof Command.InterceptChange) store.put(requester.key(), Kind.CHANGE, new Kept(line, null, now));
      if (now.isAfter(swept.plus(SWEEP))) {
        swept = now;
        store.forgetBefore(now.minus(KEPT));
      }
    } catch (RuntimeException e) {
      log.warn("Could not keep {}'s last command for a follow-up: {}", requester.key(), e.getMessage());
    }
  }

  /** The location or person of the asker's last line kept for a follow-up; empty when there is none. */
  Optional<String> subject(Requester requester) {
    return kept(requester, Kind.SUBJECT).map(Kept::subject);
  }

  /** The asker's last intercept change line here; empty when there is none from the last {@link #KEPT}. */
  Optional<String> lastChange(Requester requester) {
    return kept(requester, Kind.CHANGE).map(Kept::line);
  }

  /** The asker's last line with its location or person replaced by {@code name}; empty when there is none. */
  Optional<String> again(Requester requester, String name) {
    Optional<Kept> found = kept(requester, Kind.SUBJECT);
    if (found.isEmpty()) return Optional.empty();
    Kept kept = found.get();
    String line = SuggestedNames.replaceName(kept.line(), kept.subject(), name);
    return line.equals(kept.line()) && !kept.subject().equalsIgnoreCase(name) ? Optional.empty() : Optional.of(line);
  }

  /** What is kept of the asker's, if said within {@link #KEPT}. */
  private Optional<Kept> kept(Requester requester, Kind kind) {
    try {
      Instant oldest = clock.instant().minus(KEPT);
      return store.get(requester.key(), kind).filter(k -> k.at().isAfter(oldest));
    } catch (RuntimeException e) {
      log.warn("Could not read {}'s last command for a follow-up: {}", requester.key(), e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> subject(Command command) {
    if (command instanceof Command.InterceptChange change) return one(change.target());
    if (command instanceof Command.InterceptStatus status) return one(status.target());
    if (command instanceof Command.ListSchedules list) return Optional.ofNullable(list.location());
    if (command instanceof Command.History history) return Optional.ofNullable(history.location());
    if (command instanceof Command.ExtendSchedule extend) return place(extend.schedule());
    if (command instanceof Command.CancelSchedule cancel) return place(cancel.schedule());
    if (command instanceof Command.ShowTransferNumbers show) {
      return show.people().size() == 1 ? person(show.people().get(0)) : Optional.empty();
    }
    if (command instanceof Command.ExplainTransferNumbers explain) return person(explain.person());
    if (command instanceof Command.SetTransferNumber set) return person(set.person());
    if (command instanceof Command.ClearTransferNumber clear) return person(clear.person());
    if (command instanceof Command.CustomTransferNumbers custom) return person(custom.person());
    return Optional.empty();
  }

  private static Optional<String> one(LocationTarget target) {
    return target instanceof LocationTarget.Named named && named.names().size() == 1
        ? Optional.of(named.names().get(0)) : Optional.empty();
  }

  private static Optional<String> place(ScheduleRef ref) {
    return Optional.ofNullable(ref.location());
  }

  private static Optional<String> person(PersonRef person) {
    return person.isRequester() ? Optional.empty() : Optional.of(person.query());
  }
}
