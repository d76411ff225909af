package dev.restgate.throttling;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Daily usage in PostgreSQL, in {@value #TABLE} (created on first use): every node adds its counts to the same
 * rows, so the records of a cluster are one set.
 */
final class PostgresUsageStore implements UsageStore {
  static final String TABLE = "restgate_usage";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final String url;
  private final HikariDataSource dataSource;
  private volatile boolean created;

  PostgresUsageStore(String url, String username, String password) {
    this.url = url;
    this.dataSource = Databases.pool("restgate-usage", url, username, password, TIMEOUT);
  }

  private Connection connection() throws SQLException {
    Connection connection = dataSource.getConnection();
    if (!created) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (usage_plan_id VARCHAR(64) NOT NULL, "
            + "api_key_id VARCHAR(64) NOT NULL, day DATE NOT NULL, used BIGINT NOT NULL, "
            + "granted BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (usage_plan_id, api_key_id, day))");
        // A table made before UpdateUsage was served has no granted column yet.
        statement.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS granted BIGINT NOT NULL DEFAULT 0");
        created = true;
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }
    return connection;
  }

  @Override
  public void add(Map<UsageKey, UsageCount> deltas) throws SQLException {
    try (Connection connection = connection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
          + " (usage_plan_id, api_key_id, day, used, granted) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (usage_plan_id, api_key_id, day) DO UPDATE SET used = " + TABLE + ".used + EXCLUDED.used,"
          + " granted = " + TABLE + ".granted + EXCLUDED.granted")) {
        for (Map.Entry<UsageKey, UsageCount> delta : deltas.entrySet()) {
          insert.setString(1, delta.getKey().usagePlanId());
          insert.setString(2, delta.getKey().keyId());
          insert.setDate(3, Date.valueOf(delta.getKey().day()));
          insert.setLong(4, delta.getValue().used());
          insert.setLong(5, delta.getValue().granted());
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  @Override
  public Map<UsageKey, UsageCount> read(String usagePlanId, String keyId, LocalDate from, LocalDate to)
      throws SQLException {
    Map<UsageKey, UsageCount> found = new HashMap<>();
    try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(
        "SELECT api_key_id, day, used, granted FROM " + TABLE + " WHERE usage_plan_id = ? AND day BETWEEN ? AND ?"
            + (keyId == null ? "" : " AND api_key_id = ?"))) {
      select.setString(1, usagePlanId);
      select.setDate(2, Date.valueOf(from));
      select.setDate(3, Date.valueOf(to));
      if (keyId != null) {
        select.setString(4, keyId);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.put(new UsageKey(usagePlanId, rows.getString(1), rows.getDate(2).toLocalDate()),
              new UsageCount(rows.getLong(3), rows.getLong(4)));
        }
      }
    }
    return found;
  }

  @Override
  public String location() {
    return url;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
