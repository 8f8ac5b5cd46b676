package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.command.Command;
import dev.switchboard.command.LocationTarget;
import dev.switchboard.command.PersonRef;
import dev.switchboard.command.ScheduleRef;
import java.time.Duration;
import java.util.Optional;

/**
 * The last command each person gave in a conversation about one location or one person, so that "same for
 * Denver", "Austin too" or "what about bob?" can stand for it there. Kept in memory for a while only: a follow-up
 * comes right after, and one that reaches another replica, or comes later, is asked to be said in full.
 */
final class LastSubjects {

  /** How long a command can be followed up. */
  static final Duration KEPT = Duration.ofMinutes(30);
  private static final int MOST_PEOPLE = 10_000;

  /** A line and the name in it that a follow-up replaces. */
  private record Last(String line, String subject) {}

  private final Cache<String, Last> last;
  /** The last intercept change of each asker, for "make it 2 hours": at any number of locations. */
  private final Cache<String, String> lastChange;

  LastSubjects(Ticker ticker) {
    this.last = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(KEPT).maximumSize(MOST_PEOPLE).build();
    this.lastChange = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(KEPT).maximumSize(MOST_PEOPLE).build();
  }

  /** Keeps {@code line} when its command is about exactly one location or person; other commands leave it. */
  void remember(Requester requester, String line, Command command) {
    subject(command).ifPresent(subject -> last.put(requester.key(), new Last(line, subject)));
    if (command instanceof Command.InterceptChange) lastChange.put(requester.key(), line);
  }

  /** The location or person of the asker's last line kept for a follow-up; empty when there is none. */
  Optional<String> subject(Requester requester) {
    Last kept = last.getIfPresent(requester.key());
    return kept == null ? Optional.empty() : Optional.of(kept.subject());
  }

  /** The asker's last intercept change line here; empty when there is none from the last {@link #KEPT}. */
  Optional<String> lastChange(Requester requester) {
    return Optional.ofNullable(lastChange.getIfPresent(requester.key()));
  }

  /** The asker's last line with its location or person replaced by {@code name}; empty when there is none. */
  Optional<String> again(Requester requester, String name) {
    Last kept = last.getIfPresent(requester.key());
    if (kept == null) return Optional.empty();
    String line = SuggestedNames.replaceName(kept.line(), kept.subject(), name);
    return line.equals(kept.line()) && !kept.subject().equalsIgnoreCase(name) ? Optional.empty() : Optional.of(line);
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
