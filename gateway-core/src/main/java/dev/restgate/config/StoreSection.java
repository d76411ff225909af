package dev.restgate.config;

import java.util.List;

/**
 * {@code store}: where state that must survive a restart lives, shared by the features that keep such state (usage
 * records, objects created through the control plane). A core section, since no one feature owns it.
 */
public final class StoreSection implements ConfigSection<StoreConfig> {
  private static final List<String> KEYS = List.of("type", "url", "username", "password");

  @Override
  public List<String> keys() {
    return List.of("store");
  }

  @Override
  public Class<StoreConfig> type() {
    return StoreConfig.class;
  }

  /** A setting the chosen engine does not use is an error, so that a half-edited switch of engine is noticed. */
  @Override
  public StoreConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("store");
    if (!node.isObjectWith(KEYS)) {
      return StoreConfig.EMBEDDED;
    }
    String type = node.field("type").oneOf(List.of("embedded", "postgresql"));
    if (type == null && node.field("type").isPresent()) {
      return StoreConfig.EMBEDDED;
    }
    if (type == null || type.equals("embedded")) {
      node.refuseUnused(type, "url", "username", "password");
      return StoreConfig.EMBEDDED;
    }
    return new StoreConfig(type, node.field("url").required().string(ConfigRules.JDBC_POSTGRESQL,
        ConfigRules.JDBC_POSTGRESQL_RULE), node.field("username").string(), node.field("password").string());
  }
}
