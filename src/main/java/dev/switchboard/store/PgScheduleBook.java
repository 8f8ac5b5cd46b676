package dev.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ops.schedule.ScheduleBook;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The schedules every replica shares, in the {@code schedule} table, with the leases of running items in
 * {@code schedule_lease} and the daily report's claim in {@code schedule_report}.
 *
 * <p>Why not db-scheduler, or a row lock held for the whole step: a schedule's steps are already a state machine in
 * one document (PENDING, RUNNING, DONE per item, each step re-reading Webex before it writes), so all the database
 * must add is (1) a check-and-set no two replicas interleave — a short {@code SELECT … FOR UPDATE} transaction
 * around the read and the write of one row — and (2) an owner for what is {@code RUNNING}. A row lock held across a
 * Webex call would tie a connection per step and leave a dead replica's step to TCP timeouts; a lease with a
 * heartbeat makes the takeover explicit and bounded ({@link ScheduleBook#LEASE}). Lease times come from the
 * replicas' clocks, which are assumed to agree to well within the lease (NTP).
 */
public final class PgScheduleBook implements ScheduleBook {

  private static final String PAGE = "SELECT s.id, s.doc::text, s.planned, s.last_time,"
      + " array_remove(array_agg(l.location_id), NULL) FROM schedule s"
      + " LEFT JOIN schedule_lease l ON l.schedule_id = s.id";

  private final Database database;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final String owner;

  /** The book of this replica, named after its host (the pod) and a random part, so a restart is a new owner. */
  public PgScheduleBook(Database database, ObjectMapper mapper, Clock clock) {
    this(database, mapper, clock, System.getenv().getOrDefault("HOSTNAME", "replica") + "-"
        + UUID.randomUUID().toString().substring(0, 8));
  }

  PgScheduleBook(Database database, ObjectMapper mapper, Clock clock, String owner) {
    this.database = database;
    this.mapper = mapper;
    this.clock = clock;
    this.owner = owner;
  }

  @Override
  public List<Page> all() {
    return read(c -> pages(c, PAGE + " GROUP BY s.id ORDER BY s.id", null));
  }

  @Override
  public Optional<Page> get(int id) {
    return read(c -> pages(c, PAGE + " WHERE s.id = ? GROUP BY s.id", id).stream().findFirst());
  }

  @Override
  public Page add(IntFunction<Page> make) {
    return transaction(c -> {
      int next = nextId(c);
      Page page = make.apply(next);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO schedule (id, doc, planned, last_time) VALUES (?, ?::jsonb, ?, ?)")) {
        insert.setInt(1, page.id());
        insert.setString(2, json(page));
        insert.setBoolean(3, page.planned());
        insert.setTimestamp(4, Timestamp.from(page.lastTime()));
        insert.executeUpdate();
      }
      leases(c, page);
      setNextId(c, Math.max(next, page.id()) + 1);
      prune(c);
      return page;
    });
  }

  @Override
  public void remove(int id) {
    transaction(c -> {
      int next = nextId(c);
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM schedule WHERE id = ?")) {
        delete.setInt(1, id);
        delete.executeUpdate();
      }
      if (id == next - 1) setNextId(c, id);
      return null;
    });
  }

  @Override
  public Optional<Page> update(int id, UnaryOperator<Page> change) {
    return transaction(c -> {
      // The row stays locked until the commit: another replica's change of this schedule waits for it, and then
      // sees this one's result.
      try (PreparedStatement lock = c.prepareStatement("SELECT id FROM schedule WHERE id = ? FOR UPDATE")) {
        lock.setInt(1, id);
        try (ResultSet row = lock.executeQuery()) {
          if (!row.next()) return Optional.empty();
        }
      }
      Page locked = pages(c, PAGE + " WHERE s.id = ? GROUP BY s.id", id).get(0);
      Page next = change.apply(locked);
      if (next == null) return Optional.empty();
      try (PreparedStatement write = c.prepareStatement(
          "UPDATE schedule SET doc = ?::jsonb, planned = ?, last_time = ?, updated_at = now() WHERE id = ?")) {
        write.setString(1, json(next));
        write.setBoolean(2, next.planned());
        write.setTimestamp(3, Timestamp.from(next.lastTime()));
        write.setInt(4, id);
        write.executeUpdate();
      }
      leases(c, next);
      return Optional.of(next);
    });
  }

  @Override
  public Optional<LocalDate> lastReport() {
    return read(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT max(day) FROM schedule_report WHERE done");
          ResultSet row = select.executeQuery()) {
        row.next();
        return Optional.ofNullable(row.getObject(1, LocalDate.class));
      }
    });
  }

  @Override
  public boolean holdReport(LocalDate day, Instant now) {
    return transaction(c -> {
      if (lastReportAtOrAfter(c, day)) return false;
      // New, already ours, or its holder stopped: one statement, so of two replicas one gets it.
      try (PreparedStatement hold = c.prepareStatement("INSERT INTO schedule_report (day, owner, lease_until)"
          + " VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until"
          + " WHERE NOT schedule_report.done AND (schedule_report.owner = EXCLUDED.owner"
          + " OR schedule_report.lease_until < ?)")) {
        hold.setObject(1, day);
        hold.setString(2, owner);
        hold.setTimestamp(3, Timestamp.from(now.plus(LEASE)));
        hold.setTimestamp(4, Timestamp.from(now));
        return hold.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void reportDone(LocalDate day) {
    transaction(c -> {
      try (PreparedStatement done = c.prepareStatement("INSERT INTO schedule_report (day, owner, lease_until, done)"
          + " VALUES (?, ?, ?, true) ON CONFLICT (day) DO UPDATE SET done = true")) {
        done.setObject(1, day);
        done.setString(2, owner);
        done.setTimestamp(3, Timestamp.from(clock.instant()));
        done.executeUpdate();
      }
      prune(c);
      return null;
    });
  }

  @Override
  public Set<String> abandoned(Instant now) {
    return transaction(c -> {
      // Never our own: a step of this replica that outlived its lease is still under way here.
      try (PreparedStatement take = c.prepareStatement("UPDATE schedule_lease SET owner = ?, lease_until = ?"
          + " WHERE lease_until < ? AND owner <> ? RETURNING schedule_id, location_id")) {
        take.setString(1, owner);
        take.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
        take.setTimestamp(3, Timestamp.from(now));
        take.setString(4, owner);
        Set<String> taken = new HashSet<>();
        try (ResultSet rows = take.executeQuery()) {
          while (rows.next()) taken.add(rows.getInt(1) + "|" + rows.getString(2));
        }
        return taken;
      }
    });
  }

  @Override
  public void heartbeat(Instant now) {
    transaction(c -> {
      for (String sql : List.of("UPDATE schedule_lease SET lease_until = ? WHERE owner = ?",
          "UPDATE schedule_report SET lease_until = ? WHERE owner = ? AND NOT done")) {
        try (PreparedStatement renew = c.prepareStatement(sql)) {
          renew.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
          renew.setString(2, owner);
          renew.executeUpdate();
        }
      }
      return null;
    });
  }

  /** What {@link #importPage} did with one schedule. */
  public enum Imported { ADDED, ALREADY_THERE, NUMBER_TAKEN }

  /**
   * Copies a schedule kept elsewhere (a file store) under its own number: added, already there (the same schedule:
   * importing twice adds nothing), or not added because the number belongs to a different schedule here. Items it
   * left running are held by nobody alive, so the first replica to look settles them from the audit and Webex.
   */
  public Imported importPage(Page page) {
    return transaction(c -> {
      int next = nextId(c);
      Optional<Page> there = pages(c, PAGE + " WHERE s.id = ? GROUP BY s.id", page.id()).stream().findFirst();
      if (there.isPresent()) {
        return there.get().doc().equals(page.doc()) ? Imported.ALREADY_THERE : Imported.NUMBER_TAKEN;
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO schedule (id, doc, planned, last_time) VALUES (?, ?::jsonb, ?, ?)")) {
        insert.setInt(1, page.id());
        insert.setString(2, json(page));
        insert.setBoolean(3, page.planned());
        insert.setTimestamp(4, Timestamp.from(page.lastTime()));
        insert.executeUpdate();
      }
      try (PreparedStatement hold = c.prepareStatement("INSERT INTO schedule_lease"
          + " (schedule_id, location_id, owner, lease_until) VALUES (?, ?, 'import', ?)")) {
        for (String location : page.running()) {
          hold.setInt(1, page.id());
          hold.setString(2, location);
          hold.setTimestamp(3, Timestamp.from(Instant.EPOCH));
          hold.addBatch();
        }
        hold.executeBatch();
      }
      if (page.id() >= next) setNextId(c, page.id() + 1);
      return Imported.ADDED;
    });
  }

  /** The replica this book is: the owner of the leases it takes. */
  public String owner() {
    return owner;
  }

  /** Leases for the page's running items: new ones are this replica's, held ones keep their holder. */
  private void leases(Connection c, Page page) throws SQLException {
    try (PreparedStatement drop = c.prepareStatement(
        "DELETE FROM schedule_lease WHERE schedule_id = ? AND NOT (location_id = ANY (?))")) {
      drop.setInt(1, page.id());
      drop.setArray(2, c.createArrayOf("text", page.running().toArray()));
      drop.executeUpdate();
    }
    if (page.running().isEmpty()) return;
    try (PreparedStatement hold = c.prepareStatement("INSERT INTO schedule_lease"
        + " (schedule_id, location_id, owner, lease_until) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (String location : page.running()) {
        hold.setInt(1, page.id());
        hold.setString(2, location);
        hold.setString(3, owner);
        hold.setTimestamp(4, Timestamp.from(clock.instant().plus(LEASE)));
        hold.addBatch();
      }
      hold.executeBatch();
    }
  }

  private static boolean lastReportAtOrAfter(Connection c, LocalDate day) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM schedule_report WHERE done AND day >= ?")) {
      select.setObject(1, day);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private void prune(Connection c) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM schedule WHERE NOT planned AND last_time < ?")) {
      delete.setTimestamp(1, Timestamp.from(clock.instant().minus(KEEP_FINISHED)));
      delete.executeUpdate();
    }
  }

  private static int nextId(Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT next_id FROM schedule_number WHERE id = 1 FOR UPDATE");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  private static void setNextId(Connection c, int next) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE schedule_number SET next_id = ? WHERE id = 1")) {
      update.setInt(1, next);
      update.executeUpdate();
    }
  }

  private List<Page> pages(Connection c, String sql, Integer id) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      if (id != null) select.setInt(1, id);
      List<Page> pages = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Array running = rows.getArray(5);
          pages.add(new Page(rows.getInt(1), mapper.readTree(rows.getString(2)), rows.getBoolean(3),
              rows.getTimestamp(4).toInstant(), Set.of((String[]) running.getArray())));
        }
      } catch (JsonProcessingException e) {
        throw new SQLException("A schedule row is not JSON: " + e.getOriginalMessage(), e);
      }
      return pages;
    }
  }

  private String json(Page page) throws SQLException {
    try {
      return mapper.writeValueAsString(page.doc());
    } catch (JsonProcessingException e) {
      throw new SQLException("Schedule " + page.id() + " cannot be written as JSON", e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Work<T> work) {
    try (Connection c = database.connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the schedules from the database: " + e.getMessage(), e);
    }
  }

  private <T> T transaction(Work<T> work) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not keep the schedules in the database: " + e.getMessage(), e);
    }
  }
}
