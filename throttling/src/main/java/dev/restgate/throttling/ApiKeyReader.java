package dev.restgate.throttling;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigRules;
import dev.restgate.model.ApiKey;
import dev.restgate.spi.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code apiKeys}: {@code dev.restgate.model.ApiKey} fields, disabled unless {@code enabled} as in AWS. */
final class ApiKeyReader {
  static final List<String> KEYS =
      List.of("id", "value", "name", "customerId", "description", "enabled", "stageKeys", "tags");
  private static final Pattern ID = Pattern.compile("[a-z0-9]{10}");
  private static final Pattern VALUE = Pattern.compile("[!-~]{20,128}");
  private static final Pattern STAGE_KEY = Pattern.compile("([^/]+)/([^/]+)");

  private ApiKeyReader() {}

  /** The keys, registering each id and name in {@code references}. */
  static List<ApiKey> read(ConfigNode node, ConfigContext catalog, References references) {
    List<ApiKey> keys = new ArrayList<>();
    Map<String, String> idPointers = new HashMap<>();
    Map<String, String> valuePointers = new HashMap<>();
    for (ConfigNode key : node.list()) {
      if (!key.isObjectWith(KEYS)) {
        continue;
      }
      String value = key.field("value").required().string(VALUE,
          "use 20 to 128 printable ASCII characters without spaces (it travels in the x-api-key header)");
      String name = key.field("name").string();
      if (name != null && name.length() > 1024) {
        key.field("name").problem("is " + name.length() + " characters long; API key names have at most 1024");
      }
      ConfigNode idNode = key.field("id");
      String seed = name != null ? name : value;
      String id = idNode.isPresent()
          ? idNode.string(ID, "use 10 lower-case letters or digits, like AWS ids")
          : seed == null ? null : Ids.derive(10, "apiKey", seed);
      if (id != null) {
        String first = idPointers.putIfAbsent(id, key.pointer());
        if (first != null) {
          (idNode.isPresent() ? idNode : key).problem("the API key id " + id + " is also the id of " + first
              + (idNode.isPresent() ? "; give each key its own id" : " (derived from the same name); set id"));
        }
        references.add(id, name);
      }
      if (value != null) {
        String first = valuePointers.putIfAbsent(value, key.pointer());
        if (first != null) {
          key.field("value").problem("is also the value of " + first + "; every API key needs its own value");
        }
      }
      Boolean enabled = key.field("enabled").bool();
      keys.add(new ApiKey(id, value, name, key.field("customerId").string(), key.field("description").string(),
          enabled == null ? Boolean.FALSE : enabled, stageKeys(key.field("stageKeys"), catalog),
          ConfigRules.tags(key.field("tags"))));
    }
    return keys;
  }

  private static List<String> stageKeys(ConfigNode node, ConfigContext catalog) {
    List<String> stageKeys = new ArrayList<>();
    for (ConfigNode element : node.list()) {
      String stageKey = element.string(STAGE_KEY, "use {restApiId}/{stageName}");
      if (stageKey != null) {
        String[] parts = stageKey.split("/");
        if (catalog.checkStage(parts[0], element, parts[1], element)) {
          stageKeys.add(stageKey);
        }
      }
    }
    return stageKeys;
  }
}
