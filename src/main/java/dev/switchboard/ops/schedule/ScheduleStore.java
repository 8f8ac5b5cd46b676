package dev.switchboard.ops.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The schedules as the scheduler sees them, typed, on a {@link ScheduleBook} (a file, or the database every replica
 * shares). Every method returns after the change is kept; a claim is a check-and-set no other replica interleaves
 * with, so of two replicas reaching one due step, one runs it.
 */
final class ScheduleStore {

  private final ScheduleBook book;
  private final ObjectMapper mapper;
  private final Clock clock;
  /** Items this process must settle: its own lost answers, and what a stopped replica (or process) left running. */
  private final Set<String> cutShort = ConcurrentHashMap.newKeySet();

  ScheduleStore(ScheduleBook book, ObjectMapper mapper, Clock clock) {
    this.book = book;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * The items left {@code RUNNING} with their outcome unknown, to be settled from the audit log and Webex: those a
   * stopped process or replica left, and those whose write's answer was lost in this one.
   */
  Set<String> cutShort() {
    cutShort.addAll(book.abandoned(clock.instant()));
    return Set.copyOf(cutShort);
  }

  /** An item whose write's answer was lost and could not be read back: the next rounds settle it. */
  void cutShort(int id, String locationId) {
    cutShort.add(key(id, locationId));
  }

  /** An item cut short is settled: nothing left RUNNING there. */
  void settled(String key) {
    cutShort.remove(key);
  }

  /** This replica is alive: the items it runs stay its own. */
  void heartbeat() {
    book.heartbeat(clock.instant());
  }

  static String key(int id, String locationId) {
    return id + "|" + locationId;
  }

  List<Schedule> all() {
    return book.all().stream().map(this::schedule).toList();
  }

  Optional<Schedule> get(int id) {
    return book.get(id).map(this::schedule);
  }

  LocalDate lastReport() {
    return book.lastReport().orElse(null);
  }

  /** Adds the schedule {@code make} builds with the next number. */
  Schedule add(IntFunction<Schedule> make) {
    return schedule(book.add(id -> page(make.apply(id), mapper)));
  }

  /**
   * Removes a schedule that turned out to plan nothing; when it was the newest, its number is given back, so
   * numbers are only ever shown for schedules that exist.
   */
  void remove(int id) {
    book.remove(id);
  }

  /** Changes one schedule; returns it as changed. */
  Schedule update(int id, UnaryOperator<Schedule> change) {
    return book.update(id, p -> page(change.apply(schedule(p)), mapper)).map(this::schedule)
        .orElseThrow(() -> new IllegalArgumentException("No schedule " + id));
  }

  /**
   * Changes one item only if it still passes {@code check}: how a run claims an item before acting, so a cancel
   * or another run (in this replica or another) in between is noticed. Returns whether it changed.
   */
  boolean claim(int id, String locationId, Predicate<Schedule.Item> check, UnaryOperator<Schedule.Item> change) {
    return book.update(id, p -> {
      Schedule s = schedule(p);
      return check.test(s.item(locationId)) ? page(s.withItem(locationId, change), mapper) : null;
    }).isPresent();
  }

  /** Whether this replica may post {@code day}'s report now (none has, and none alive is posting it). */
  boolean holdReport(LocalDate day) {
    return book.holdReport(day, clock.instant());
  }

  /** {@code day}'s report is posted everywhere. */
  void reportDone(LocalDate day) {
    book.reportDone(day);
  }

  private Schedule schedule(ScheduleBook.Page page) {
    try {
      return mapper.treeToValue(page.doc(), Schedule.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Schedule " + page.id() + " cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  /** The page a schedule is kept as. */
  static ScheduleBook.Page page(Schedule s, ObjectMapper mapper) {
    Set<String> running = s.items().stream()
        .filter(i -> i.start() == Schedule.Phase.RUNNING || i.end() == Schedule.Phase.RUNNING)
        .map(Schedule.Item::locationId).collect(Collectors.toSet());
    Instant last = s.items().stream().map(ScheduleStore::lastTime).max(Comparator.naturalOrder())
        .orElse(s.created());
    return new ScheduleBook.Page(s.id(), mapper.valueToTree(s), s.planned(), last, running);
  }

  /** The page of a schedule read back as JSON (from a file, or from another store being imported). */
  static ScheduleBook.Page page(JsonNode doc, ObjectMapper mapper) {
    try {
      return page(mapper.treeToValue(doc, Schedule.class), mapper);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("A schedule cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  private static Instant lastTime(Schedule.Item item) {
    return item.endAt() != null && item.endAt().isAfter(item.startAt()) ? item.endAt() : item.startAt();
  }
}
