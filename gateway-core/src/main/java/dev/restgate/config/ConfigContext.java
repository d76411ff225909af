package dev.restgate.config;

import dev.restgate.model.RestApi;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link ConfigSection} may look at while it reads: the file, the gateway's identity, and the configured APIs
 * and stages, which other sections reference (usage plans, API keys, base path mappings).
 */
public interface ConfigContext {

  /** The configuration file; relative paths in it are resolved against its directory. */
  Path configFile();

  /**
   * Records that the configuration depends on {@code path}, a file or a directory it names (function code, say):
   * live reload reloads the configuration when it changes. The configuration file and API bodies are recorded
   * already.
   */
  void dependsOn(Path path);

  String region();

  String accountId();

  /**
   * Whether {@code apiId} names a configured API; reports at {@code node} otherwise, listing the configured ones. An
   * API whose definition failed to import still counts, so one mistake is reported once.
   */
  boolean checkApi(String apiId, ConfigNode node);

  /**
   * Whether {@code apiId} and {@code stageName} name a configured stage; reports at the nodes otherwise, listing the
   * valid ones.
   */
  boolean checkStage(String apiId, ConfigNode apiNode, String stageName, ConfigNode stageNode);

  /**
   * The definitions a checked stage serves (its deployment and its canary's), to check references to methods; empty
   * when they failed to import.
   */
  List<RestApi> served(String apiId, String stageName);
}
