package dev.restgate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.StoreConfig;
import dev.restgate.spi.ManagedConfiguration.Snapshot;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ConcurrentModificationException;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects created at run time in one PostgreSQL row that every node of a cluster shares: the document and a
 * revision number that each write increments only when it still is the revision the change was made from. Nodes
 * poll the revision ({@link #revision()}) and reload when it moves. The last document read is also kept in the data
 * directory, so a node restarted while the database is down serves what it served before (and says so).
 */
final class ManagedPostgresStore implements ManagedStore {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedPostgresStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROW = "default";
  private static final String TABLE = "restgate_managed_objects";

  private final StoreConfig store;
  private final Path cache;
  private Connection connection;
  private String lastRevision;
  /** The revision the local copy holds, so a read that finds it unchanged does not write it again. */
  private String cachedRevision;
  private boolean unreachable;

  /** @param cache the file in the data directory keeping the last document read */
  ManagedPostgresStore(StoreConfig store, Path cache) {
    this.store = store;
    this.cache = cache;
  }

  @Override
  public synchronized Snapshot read() throws ProblemsException {
    try {
      Snapshot snapshot = query();
      reachable();
      if (!snapshot.revision().equals(cachedRevision)) {
        ManagedFileStore.write(cache, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot.document()));
        cachedRevision = snapshot.revision();
      }
      return snapshot;
    } catch (SQLException e) {
      unreachable(e);
      if (lastRevision == null && Files.isRegularFile(cache)) {
        try {
          LOG.warn("Serving the objects created at run time as last read from PostgreSQL ({}) until {} answers",
              cache, store.url());
          return new Snapshot(ManagedFileStore.parse(Files.readAllBytes(cache), cache), "unknown");
        } catch (IOException io) {
          throw ManagedFileStore.problem(cache, "cannot be read (" + io.getMessage() + ")");
        }
      }
      throw ManagedFileStore.problem(store.url(), "the objects created at run time cannot be read from PostgreSQL: "
          + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Snapshot query() throws SQLException, ProblemsException {
    try (PreparedStatement select = connection().prepareStatement(
        "SELECT revision, document FROM " + TABLE + " WHERE name = ?")) {
      select.setString(1, ROW);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          lastRevision = "0";
          return new Snapshot(JSON.createObjectNode(), "0");
        }
        String revision = Long.toString(row.getLong(1));
        ObjectNode document = ManagedFileStore.parse(row.getString(2).getBytes(StandardCharsets.UTF_8),
            store.url() + " " + TABLE);
        lastRevision = revision;
        return new Snapshot(document, revision);
      }
    }
  }

  @Override
  public synchronized String write(String base, ObjectNode next) {
    String text = next.toString();
    try {
      Connection db = connection();
      int changed;
      long revision;
      if (base.equals("0")) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + TABLE
            + " (name, revision, document, updated_at) VALUES (?, 1, ?, now()) ON CONFLICT (name) DO NOTHING")) {
          insert.setString(1, ROW);
          insert.setString(2, text);
          changed = insert.executeUpdate();
        }
        revision = 1;
      } else {
        revision = parseRevision(base) + 1;
        try (PreparedStatement update = db.prepareStatement("UPDATE " + TABLE
            + " SET revision = ?, document = ?, updated_at = now() WHERE name = ? AND revision = ?")) {
          update.setLong(1, revision);
          update.setString(2, text);
          update.setString(3, ROW);
          update.setLong(4, revision - 1);
          changed = update.executeUpdate();
        }
      }
      reachable();
      if (changed != 1) {
        throw new ConcurrentModificationException("the objects in " + TABLE + " changed since they were read");
      }
      lastRevision = Long.toString(revision);
      ManagedFileStore.write(cache, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
      cachedRevision = lastRevision;
      return lastRevision;
    } catch (SQLException e) {
      unreachable(e);
      throw new UncheckedIOException("the objects created at run time could not be stored in PostgreSQL ("
          + store.url() + "): " + e.getMessage(), new IOException(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long parseRevision(String base) {
    try {
      return Long.parseLong(base);
    } catch (NumberFormatException e) {
      throw new ConcurrentModificationException("the objects were read while PostgreSQL did not answer");
    }
  }

  /** The stored revision; while the database does not answer, the last one seen (logged once per outage). */
  @Override
  public synchronized String revision() {
    try (PreparedStatement select = connection().prepareStatement(
        "SELECT revision FROM " + TABLE + " WHERE name = ?")) {
      select.setString(1, ROW);
      try (ResultSet row = select.executeQuery()) {
        reachable();
        return row.next() ? Long.toString(row.getLong(1)) : "0";
      }
    } catch (SQLException e) {
      unreachable(e);
      return lastRevision;
    }
  }

  @Override
  public synchronized Optional<String> problem() {
    try (Statement probe = connection().createStatement()) {
      probe.setQueryTimeout(2);
      probe.execute("SELECT 1");
      reachable();
      return Optional.empty();
    } catch (SQLException e) {
      unreachable(e);
      return Optional.of("PostgreSQL at " + store.url() + " does not answer: " + e.getMessage());
    }
  }

  @Override
  public String location() {
    return store.url() + " (table " + TABLE + ")";
  }

  /** The connection, opened (and the table created) when there is none or it broke. */
  private Connection connection() throws SQLException {
    if (connection != null && !connection.isClosed()) {
      return connection;
    }
    Properties properties = new Properties();
    if (store.username() != null) {
      properties.setProperty("user", store.username());
    }
    if (store.password() != null) {
      properties.setProperty("password", store.password());
    }
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "10");
    Connection opened = DriverManager.getConnection(store.url(), properties);
    try (Statement create = opened.createStatement()) {
      create.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name text PRIMARY KEY, revision bigint NOT NULL, "
          + "document text NOT NULL, updated_at timestamptz NOT NULL)");
    } catch (SQLException e) {
      opened.close();
      throw e;
    }
    connection = opened;
    return opened;
  }

  private void reachable() {
    if (unreachable) {
      unreachable = false;
      LOG.info("PostgreSQL answers again; objects created at run time are shared through {}", location());
    }
  }

  private void unreachable(SQLException e) {
    close();
    if (!unreachable) {
      unreachable = true;
      LOG.warn("PostgreSQL ({}) does not answer: {}; objects created at run time cannot change until it does",
          store.url(), e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the PostgreSQL connection failed", e);
      }
      connection = null;
    }
  }
}
