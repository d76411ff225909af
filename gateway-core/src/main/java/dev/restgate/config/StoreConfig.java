package dev.restgate.config;

/**
 * Where state that must survive a restart lives.
 *
 * @param type {@code embedded} (files under the data directory, the default) or {@code postgresql}
 * @param url the JDBC URL for {@code postgresql}
 */
public record StoreConfig(String type, String url, String username, String password) {
  public static final StoreConfig EMBEDDED = new StoreConfig("embedded", null, null, null);

  @Override
  public String toString() {
    return "StoreConfig[type=" + type + ", url=" + url + ", username=" + username + "]";
  }
}
