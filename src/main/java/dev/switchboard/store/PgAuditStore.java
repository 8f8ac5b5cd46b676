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

  /** Every entry is read and then filtered: the filter is Java, as the callers' (history, undo) are. */
  @Override
  public List<AuditEntry> entries(Predicate<AuditEntry> filter) {
    return query("SELECT entry FROM audit_entry ORDER BY seq").stream().filter(filter).toList();
  }

  @Override
  public List<AuditEntry> unsettled() {
    return query("SELECT a.entry FROM audit_entry a WHERE a.intended"
        + " AND NOT EXISTS (SELECT 1 FROM audit_entry o WHERE o.intent = a.id) ORDER BY a.seq");
  }

  private List<AuditEntry> query(String sql) {
    List<AuditEntry> found = new ArrayList<>();
    try (Connection c = database.connection(); PreparedStatement select = c.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String json = rows.getString(1);
        try {
          found.add(mapper.readValue(json, AuditEntry.class));
        } catch (IOException e) {
          log.warn("Skipping an audit row that no longer reads as an entry: {}", e.getMessage());
        }
      }
    } catch (SQLException e) {
      throw new Unavailable("Could not read the audit log from the database: " + e.getMessage(), e);
    }
    return found;
  }
}
