package dev.restgate.config;

import dev.restgate.model.RestApi;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured APIs and their stages, for checking the references other sections make (usage plans, API keys,
 * base path mappings). A stage remembers the imported definitions it serves (its deployment and canary), to check
 * references to methods; a definition that failed to import is simply missing.
 */
final class ApiCatalog {
  private final Map<String, Map<String, List<RestApi>>> stagesByApi = new LinkedHashMap<>();

  void addApi(String apiId) {
    stagesByApi.putIfAbsent(apiId, new LinkedHashMap<>());
  }

  void addStage(String apiId, String stageName, List<RestApi> served) {
    stagesByApi.computeIfAbsent(apiId, id -> new LinkedHashMap<>()).put(stageName, List.copyOf(served));
  }

  /**
   * Checks that {@code apiId} and {@code stageName} name a configured stage, reporting at the nodes otherwise.
   *
   * @return whether they do
   */
  boolean checkStage(String apiId, ConfigNode apiNode, String stageName, ConfigNode stageNode) {
    if (!checkApi(apiId, apiNode)) {
      return false;
    }
    if (!stagesByApi.get(apiId).containsKey(stageName)) {
      stageNode.problem("API " + apiId + " has no stage \"" + stageName + "\"; its stages: "
          + list(stagesByApi.get(apiId).keySet()));
      return false;
    }
    return true;
  }

  /** Checks that {@code apiId} names a configured API, reporting at {@code node} otherwise. */
  boolean checkApi(String apiId, ConfigNode node) {
    if (!stagesByApi.containsKey(apiId)) {
      node.problem("no API has the id \"" + apiId + "\"; configured APIs: " + list(stagesByApi.keySet()));
      return false;
    }
    return true;
  }

  /** The definitions a stage serves (known to exist). */
  List<RestApi> served(String apiId, String stageName) {
    return stagesByApi.get(apiId).get(stageName);
  }

  private static String list(Collection<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
