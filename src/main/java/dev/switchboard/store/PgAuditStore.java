package dev.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.AuditStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the {@code audit_entry} table: the same records as the file log, each kept as JSON, committed
 * before {@link #append} returns (an intent survives a crash of any replica, and every replica reads it). The
 * table refuses updates and deletes.
 */
public final class PgAuditStore implements AuditStore {

  private static final Logger log = LoggerFactory.getLogger(PgAuditStore.class);

  /** Rows read at a time by {@link #newestFirst}. */
  static final int PAGE = 200;

  private final Database database;
  private final ObjectMapper mapper;

  public PgAuditStore(Database database, ObjectMapper mapper) {
    this.database = database;
    this.mapper = mapper;
  }

  @Override
  public void append(AuditEntry entry) {
    String json;
    try {
      json = mapper.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("An audit entry that cannot be written as JSON: " + entry.id(), e);
    }
    // Auto-commit: the INSERT is committed (and so on the database's disk) when executeUpdate returns.
    try (Connection c = database.connection();
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO audit_entry (id, time, intended, intent, entry) VALUES (?, ?, ?, ?, ?::jsonb)")) {
      insert.setString(1, entry.id());
      insert.setTimestamp(2, Timestamp.from(entry.time()));
      insert.setBoolean(3, entry.intended());
      insert.setString(4, entry.intent());
      insert.setString(5, json);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new Unavailable("Could not write the audit entry to the database: " + e.getMessage(), e);
    }
  }

  /**
   * Appends the entry unless one with its id is there already: how a file store's log is imported, so importing
   * twice adds nothing. Returns whether it was added.
   */
  public boolean appendIfAbsent(AuditEntry entry) {
    String json;
    try {
      json = mapper.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("An audit entry that cannot be written as JSON: " + entry.id(), e);
    }
    try (Connection c = database.connection();
        PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (id, time, intended, intent, entry)"
            + " VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO NOTHING")) {
      insert.setString(1, entry.id());
      insert.setTimestamp(2, Timestamp.from(entry.time()));
      insert.setBoolean(3, entry.intended());
      insert.setString(4, entry.intent());
      insert.setString(5, json);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new Unavailable("Could not write the audit entry to the database: " + e.getMessage(), e);
    }
  }

  /** Every entry is read and then filtered: the filter is Java, as the callers' (history, schedules) are. */
  @Override
  public List<AuditEntry> entries(Predicate<AuditEntry> filter) {
    return query("SELECT seq, entry FROM audit_entry ORDER BY seq").stream().filter(filter).toList();
  }

  /** One batch's entries, by its index: undo reads these, and they are a handful of rows. */
  @Override
  public List<AuditEntry> batch(String batch) {
    return query("SELECT seq, entry FROM audit_entry WHERE entry->>'batch' = ? ORDER BY seq", batch);
  }

  /**
   * Pages of {@value #PAGE} rows, newest first, read until the visitor has seen enough: a person's latest change is
   * near the end of the trail, so undo reads a page, not a year of entries. No connection is held while it looks.
   */
  @Override
  public void newestFirst(Predicate<AuditEntry> visitor) {
    long before = Long.MAX_VALUE;
    while (true) {
      List<Row> page = rows("SELECT seq, entry FROM audit_entry WHERE seq < ? ORDER BY seq DESC LIMIT " + PAGE,
          before);
      for (Row row : page) {
        if (row.entry() != null && !visitor.test(row.entry())) return;
        before = row.seq();
      }
      if (page.size() < PAGE) return;
    }
  }

  @Override
  public List<AuditEntry> unsettled() {
    return query("SELECT a.seq, a.entry FROM audit_entry a WHERE a.intended"
        + " AND NOT EXISTS (SELECT 1 FROM audit_entry o WHERE o.intent = a.id) ORDER BY a.seq");
  }

  /** A row's place in the trail and its entry; null when the row no longer reads as one (it is skipped). */
  private record Row(long seq, AuditEntry entry) {}

  /** The entries {@code sql} selects as (seq, entry), with {@code parameters} bound in order. */
  private List<AuditEntry> query(String sql, Object... parameters) {
    return rows(sql, parameters).stream().map(Row::entry).filter(Objects::nonNull).toList();
  }

  /**
   * The rows {@code sql} selects as (seq, entry), unreadable ones included (with no entry), so that a page of them
   * is still a full page.
   */
  private List<Row> rows(String sql, Object... parameters) {
    List<Row> found = new ArrayList<>();
    try (Connection c = database.connection(); PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) select.setObject(i + 1, parameters[i]);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String json = rows.getString(2);
          try {
            found.add(new Row(rows.getLong(1), mapper.readValue(json, AuditEntry.class)));
          } catch (IOException e) {
            log.warn("Skipping an audit row that no longer reads as an entry: {}", e.getMessage());
            found.add(new Row(rows.getLong(1), null));
          }
        }
      }
    } catch (SQLException e) {
      throw new Unavailable("Could not read the audit log from the database: " + e.getMessage(), e);
    }
    return found;
  }
}
