package dev.restgate.config;

import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Ids;
import dev.restgate.spi.Json;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code restApis}: gives each API and deployment its id, imports every body with the {@link ApiImporter}
 * (its problems join the configuration's own), reads the stages and records them in the {@link ApiCatalog}.
 */
final class RestApiReader {
  static final List<String> KEYS = List.of("id", "body", "basepath", "failOnWarnings", "deployments", "stages");
  static final List<String> DEPLOYMENT_KEYS = List.of("id", "description", "body", "basepath", "failOnWarnings");
  static final List<String> BASEPATHS = List.of("ignore", "prepend", "split");
  private static final Logger LOG = LoggerFactory.getLogger(RestApiReader.class);

  private final Path configFile;
  private final ApiImporter importer;
  private final String region;
  private final String accountId;
  private final Problems problems;
  private final ApiCatalog catalog;
  private final Set<Path> files;

  /** @param files collects the API bodies read, for live reload to watch */
  RestApiReader(Path configFile, ApiImporter importer, String region, String accountId, Problems problems,
      ApiCatalog catalog, Set<Path> files) {
    this.configFile = configFile;
    this.importer = importer;
    this.region = region;
    this.accountId = accountId;
    this.problems = problems;
    this.catalog = catalog;
    this.files = files;
  }

  /** One deployment as declared: under {@code deployments}, or the API's own {@code body}. */
  private record Declared(ConfigNode node, ConfigNode idNode, String description, ConfigNode bodyNode, String body,
      String basepath, boolean failOnWarnings) {}

  List<ApiConfig> read(ConfigNode restApis) {
    List<ApiConfig> apis = new ArrayList<>();
    Map<String, String> apiPointers = new HashMap<>();
    for (ConfigNode api : restApis.list()) {
      ApiConfig config = readApi(api, apiPointers);
      if (config != null) {
        apis.add(config);
      }
    }
    return apis;
  }

  /** The API, or null when it has problems (an ApiConfig is only built from a consistent API). */
  private ApiConfig readApi(ConfigNode node, Map<String, String> apiPointers) {
    int before = problems.count();
    if (!node.isObjectWith(KEYS)) {
      return null;
    }
    List<Declared> declared = declared(node);
    ConfigNode idNode = node.field("id");
    String apiId = idNode.isPresent()
        ? idNode.string(ConfigRules.API_ID, ConfigRules.API_ID_RULE)
        : declared.isEmpty() || declared.get(0).body() == null ? null : Ids.derive(10, "restApi",
            declared.get(0).body());
    if (apiId != null) {
      String first = apiPointers.putIfAbsent(apiId, node.pointer());
      if (first != null) {
        (idNode.isPresent() ? idNode : node).problem("the API id " + apiId + " is also the id of " + first
            + (idNode.isPresent() ? "; give each API its own id" : " (derived from the same body); set id on one"));
      }
      catalog.addApi(apiId);
    }
    Map<String, String> deploymentPointers = new LinkedHashMap<>();
    List<Deployment> deployments = new ArrayList<>();
    for (Declared d : declared) {
      String id = d.idNode() != null && d.idNode().isPresent()
          ? d.idNode().string(ConfigRules.DEPLOYMENT_ID, ConfigRules.DEPLOYMENT_ID_RULE)
          : Ids.derive(6, "deployment", String.valueOf(apiId), String.valueOf(d.body()));
      if (id == null) {
        continue;
      }
      String first = deploymentPointers.putIfAbsent(id, d.node().pointer());
      if (first != null) {
        d.node().problem("the deployment id " + id + " is also the id of " + first
            + "; give each deployment its own id");
      }
      Deployment deployment = importBody(d, apiId, id);
      if (deployment != null) {
        deployments.add(deployment);
      }
    }
    Map<String, RestApi> imported = new LinkedHashMap<>();
    deployments.forEach(d -> imported.put(d.id(), d.api()));
    List<Stage> stages = stages(node.field("stages"), apiId,
        new Deployments(List.copyOf(deploymentPointers.keySet()), imported));
    return problems.count() > before ? null : new ApiConfig(apiId, deployments, stages);
  }

  private List<Declared> declared(ConfigNode node) {
    ConfigNode body = node.field("body");
    ConfigNode list = node.field("deployments");
    String basepath = node.field("basepath").oneOf(BASEPATHS);
    boolean failOnWarnings = Boolean.TRUE.equals(node.field("failOnWarnings").bool());
    if (body.isPresent() && list.isPresent()) {
      node.problem("has both body and deployments; give body for one deployment, or deployments (each with its "
          + "body) for several");
      return List.of();
    }
    if (!list.isPresent()) {
      return List.of(new Declared(node, null, null, body.required(), body.string(), basepath, failOnWarnings));
    }
    List<Declared> declared = new ArrayList<>();
    for (ConfigNode d : list.list()) {
      if (d.isObjectWith(DEPLOYMENT_KEYS)) {
        ConfigNode dBasepath = d.field("basepath");
        Boolean dFailOnWarnings = d.field("failOnWarnings").bool();
        declared.add(new Declared(d, d.field("id"), d.field("description").string(), d.field("body").required(),
            d.field("body").string(), dBasepath.isPresent() ? dBasepath.oneOf(BASEPATHS) : basepath,
            dFailOnWarnings == null ? failOnWarnings : dFailOnWarnings));
      }
    }
    if (list.json().isArray() && list.json().isEmpty()) {
      list.problem("is empty; list at least one deployment, or give body instead");
    }
    return declared;
  }

  /**
   * Reads and imports a body. With an invalid API id (already reported) the file is checked but not imported: the
   * importer needs the id for the API's ARNs.
   */
  private Deployment importBody(Declared declared, String apiId, String deploymentId) {
    if (declared.body() == null) {
      return null;
    }
    ConfigNode bodyNode = declared.bodyNode();
    Path path;
    try {
      path = configFile.resolveSibling(declared.body()).normalize();
    } catch (InvalidPathException e) {
      bodyNode.problem(Json.quote(declared.body()) + " is not a valid path: " + e.getReason());
      return null;
    }
    files.add(path.toAbsolutePath());
    if (!Files.isRegularFile(path)) {
      bodyNode.problem("there is no file " + path + " (paths are relative to the configuration file's "
          + "directory); check the path");
      return null;
    }
    byte[] document;
    Instant modified;
    try {
      document = Files.readAllBytes(path);
      modified = Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      bodyNode.problem("cannot read " + path + ": " + e + "; check its permissions");
      return null;
    }
    if (importer == null) {
      bodyNode.problem("cannot be imported: no ApiImporter is on the class path; add the restgate openapi module");
      return null;
    }
    if (apiId == null) {
      return null;
    }
    ApiImporter.Options options = new ApiImporter.Options(apiId, path.toString(),
        declared.basepath() == null ? "ignore" : declared.basepath(), declared.failOnWarnings(), region,
        accountId, "aws");
    try {
      ApiImporter.Result result = importer.importApi(document, options);
      result.warnings().forEach(warning -> LOG.warn("Imported with a warning: {}", warning));
      return new Deployment(deploymentId, declared.description(), modified, result.api());
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return null;
    } catch (RuntimeException e) {
      // An importer bug must not hide the configuration's other problems.
      bodyNode.problem("the API importer failed on " + path + ": " + e);
      return null;
    }
  }

  private List<Stage> stages(ConfigNode node, String apiId, Deployments deployments) {
    List<ConfigNode> nodes = node.required().list();
    if (node.isPresent() && node.json().isArray() && node.json().isEmpty()) {
      node.problem("is empty; an API is only invoked through a stage, so add at least one");
    }
    Map<String, String> namePointers = new HashMap<>();
    List<Stage> stages = new ArrayList<>();
    for (ConfigNode stageNode : nodes) {
      Stage stage = StageReader.read(stageNode, deployments);
      if (stage == null || stage.stageName() == null) {
        continue;
      }
      String first = namePointers.putIfAbsent(stage.stageName(), stageNode.pointer());
      if (first != null) {
        stageNode.field("stageName").problem("the stage name " + stage.stageName() + " is also used by " + first
            + "; stage names are unique per API");
      }
      stages.add(stage);
      if (apiId != null) {
        String canaryId = stage.canarySettings() == null ? null : stage.canarySettings().deploymentId();
        catalog.addStage(apiId, stage.stageName(), deployments.apis(stage.deploymentId(), canaryId));
      }
    }
    return stages;
  }
}
