package dev.restgate.config;

import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the whole configuration tree: core's keys first ({@code region}, {@code accountId}, {@code restApis}), then
 * every section the modules on the class path contribute, each reading its own keys.
 */
final class GatewayConfigReader {
  static final List<String> CORE_KEYS = List.of("region", "accountId", "restApis");

  private GatewayConfigReader() {}

  /**
   * The valid top-level keys: core's, then the sections'.
   *
   * @throws IllegalStateException when two sections claim one key (two modules that cannot be used together)
   */
  static List<String> keys(List<ConfigSection<?>> sections) {
    Map<String, String> owners = new LinkedHashMap<>();
    CORE_KEYS.forEach(key -> owners.put(key, "the gateway's core"));
    for (ConfigSection<?> section : sections) {
      for (String key : section.keys()) {
        String owner = owners.putIfAbsent(key, section.getClass().getName());
        if (owner != null) {
          throw new IllegalStateException("the configuration key " + key + " is claimed by " + owner + " and by "
              + section.getClass().getName() + "; remove one of them from the class path");
        }
      }
    }
    return List.copyOf(owners.keySet());
  }

  /**
   * The configuration; meaningful only when no problem was reported.
   *
   * @param keys the valid top-level keys, {@link #keys(List) of these sections}
   */
  static GatewayConfig read(ConfigNode root, Path configFile, ApiImporter importer, List<String> keys,
      List<ConfigSection<?>> sections, Problems problems) {
    if (!root.isObjectWith(keys)) {
      return null;
    }
    String region = root.field("region").string(ConfigRules.REGION, ConfigRules.REGION_RULE);
    String accountId = root.field("accountId").string(ConfigRules.ACCOUNT_ID,
        "use the 12 digits of an AWS account id");
    region = region == null ? GatewayConfig.DEFAULT_REGION : region;
    accountId = accountId == null ? GatewayConfig.DEFAULT_ACCOUNT_ID : accountId;

    ApiCatalog catalog = new ApiCatalog();
    Set<Path> files = new LinkedHashSet<>();
    files.add(configFile.toAbsolutePath().normalize());
    List<ApiConfig> apis = new RestApiReader(configFile, importer, region, accountId, problems, catalog, files)
        .read(root.field("restApis"));
    Context context = new Context(configFile, region, accountId, catalog, files);
    Map<Class<?>, Object> values = new LinkedHashMap<>();
    for (ConfigSection<?> section : sections) {
      Object value = section.read(root, context);
      if (value != null) {
        values.put(section.type(), section.type().cast(value));
      }
    }
    return new GatewayConfig(region, accountId, apis, values, configFile, List.copyOf(files));
  }

  private record Context(Path configFile, String region, String accountId, ApiCatalog catalog, Set<Path> files)
      implements ConfigContext {

    @Override
    public void dependsOn(Path path) {
      files.add(path.toAbsolutePath().normalize());
    }

    @Override
    public boolean checkApi(String apiId, ConfigNode node) {
      return catalog.checkApi(apiId, node);
    }

    @Override
    public boolean checkStage(String apiId, ConfigNode apiNode, String stageName, ConfigNode stageNode) {
      return catalog.checkStage(apiId, apiNode, stageName, stageNode);
    }

    @Override
    public List<RestApi> served(String apiId, String stageName) {
      return catalog.served(apiId, stageName);
    }
  }
}
