package dev.restgate.throttling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Connection pools to PostgreSQL that start without the database and wait at most {@code timeout} for it. */
final class Databases {
  private Databases() {}

  static HikariDataSource pool(String name, String url, String username, String password, Duration timeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setDriverClassName("org.postgresql.Driver");
    config.setUsername(username);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(timeout.toMillis());
    config.setValidationTimeout(Math.min(timeout.toMillis(), 1000));
    // Start even while the database is down; the first use connects, and the caller decides what a failure means.
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("connectTimeout", String.valueOf(timeout.toSeconds()));
    config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(5, timeout.toSeconds() * 2)));
    return new HikariDataSource(config);
  }
}
