package dev.restgate.throttling;

/**
 * Where token buckets and quota counters live.
 *
 * @param backend {@code local} (this node only, the default), {@code redis} or {@code postgresql}
 * @param redisUri e.g. {@code redis://127.0.0.1:6379} for {@code redis}
 * @param url the JDBC URL for {@code postgresql}
 */
public record RateLimitingConfig(String backend, String redisUri, String url, String username, String password) {
  public static final RateLimitingConfig LOCAL = new RateLimitingConfig("local", null, null, null, null);

  @Override
  public String toString() {
    return "RateLimitingConfig[backend=" + backend + ", url=" + url + ", username=" + username + "]";
  }
}
