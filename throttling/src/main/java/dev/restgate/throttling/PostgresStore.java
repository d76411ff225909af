package dev.restgate.throttling;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in PostgreSQL through Bucket4j's JDBC integration: one row per bucket in {@value #TABLE}, taken with
 * {@code SELECT ... FOR UPDATE}. The table is created on the first connection; rows of buckets that would be full
 * again are deleted once a minute.
 */
final class PostgresStore implements SharedBuckets.Store {
  static final String TABLE = "restgate_buckets";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final String url;
  private final TimeMeter time;
  private final HikariDataSource dataSource;
  private final ScheduledExecutorService cleaner;
  private volatile PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

  PostgresStore(String url, String username, String password, TimeMeter time) {
    this.url = url;
    this.time = time;
    this.dataSource = Databases.pool("restgate-buckets", url, username, password, TIMEOUT);
    this.cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "restgate-bucket-cleaner");
      thread.setDaemon(true);
      return thread;
    });
    cleaner.scheduleWithFixedDelay(this::removeExpired, 1, 1, TimeUnit.MINUTES);
  }

  @Override
  public ProxyManager<String> proxies() {
    ProxyManager<String> current = proxies;
    return current != null ? current : connect();
  }

  private synchronized ProxyManager<String> connect() {
    if (proxies == null) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
            + " (id VARCHAR(512) PRIMARY KEY, state BYTEA, expires_at BIGINT)");
      } catch (SQLException e) {
        throw new IllegalStateException("the table " + TABLE + " could not be created: " + e.getMessage(), e);
      }
      proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
          .primaryKeyMapper(PrimaryKeyMapper.STRING)
          .table(TABLE)
          .expirationAfterWrite(SharedBuckets.EXPIRY)
          .clientClock(time)
          .build();
    }
    return proxies;
  }

  @Override
  public void ping() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid((int) TIMEOUT.toSeconds())) {
        throw new SQLException("the connection is not valid");
      }
    }
  }

  private void removeExpired() {
    PostgreSQLSelectForUpdateBasedProxyManager<String> current = proxies;
    if (current == null) {
      return;
    }
    try {
      int removed;
      do {
        removed = current.removeExpired(1000);
      } while (removed == 1000);
    } catch (RuntimeException e) {
      LOG.debug("Expired buckets could not be removed from {}: {}", TABLE, e.toString());
    }
  }

  @Override
  public String location() {
    return url;
  }

  @Override
  public void close() {
    cleaner.shutdownNow();
    dataSource.close();
  }
}
