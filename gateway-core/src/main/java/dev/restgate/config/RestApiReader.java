package dev.restgate.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
  static final List<String> KEYS = List.of("id", "body", "basepath", "failOnWarnings", "createdDate", "deployments",
      "stages");
  static final List<String> DEPLOYMENT_KEYS = List.of("id", "description", "body", "basepath", "failOnWarnings",
      "createdDate");
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

  /**
   * One definition as declared: a deployment under {@code deployments}, or the API's own {@code body}.
   *
   * @param body the body's file name, or the JSON text of a body given inline; null when absent or invalid
   */
  private record Declared(ConfigNode node, ConfigNode idNode, String description, ConfigNode bodyNode, String body,
      String basepath, boolean failOnWarnings, Instant createdDate) {}

  /** A definition read and imported. */
  private record Imported(RestApi api, Instant modified) {}

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
    ConfigNode list = node.field("deployments");
    String basepath = node.field("basepath").oneOf(BASEPATHS);
    boolean failOnWarnings = Boolean.TRUE.equals(node.field("failOnWarnings").bool());
    Instant apiCreated = createdDate(node.field("createdDate"));
    Declared current = list.isPresent() && !node.field("body").isPresent() ? null
        : new Declared(node, null, null, node.field("body").required(), body(node.field("body")), basepath,
            failOnWarnings, apiCreated);
    List<Declared> declared = list.isPresent() ? deployments(list, basepath, failOnWarnings, current != null)
        : List.of(current);
    ConfigNode idNode = node.field("id");
    Declared first = current != null ? current : declared.isEmpty() ? null : declared.get(0);
    String apiId = idNode.isPresent()
        ? idNode.string(ConfigRules.API_ID, ConfigRules.API_ID_RULE)
        : first == null || first.body() == null ? null : Ids.derive(10, "restApi", first.body());
    if (apiId != null) {
      String taken = apiPointers.putIfAbsent(apiId, node.pointer());
      if (taken != null) {
        (idNode.isPresent() ? idNode : node).problem("the API id " + apiId + " is also the id of " + taken
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
      String taken = deploymentPointers.putIfAbsent(id, d.node().pointer());
      if (taken != null) {
        d.node().problem("the deployment id " + id + " is also the id of " + taken
            + "; give each deployment its own id");
      }
      Imported imported = importBody(d, apiId);
      if (imported != null) {
        deployments.add(new Deployment(id, d.description(), imported.modified(), imported.api()));
      }
    }
    Imported definition = list.isPresent() && current != null ? importBody(current, apiId) : null;
    Map<String, RestApi> imported = new LinkedHashMap<>();
    deployments.forEach(d -> imported.put(d.id(), d.api()));
    List<Stage> stages = stages(node.field("stages"), apiId,
        new Deployments(List.copyOf(deploymentPointers.keySet()), imported), !list.isPresent());
    if (problems.count() > before) {
      return null;
    }
    if (definition == null) {
      return new ApiConfig(apiId, deployments, stages);
    }
    return new ApiConfig(apiId, definition.api(), apiCreated == null ? definition.modified() : apiCreated,
        deployments, stages);
  }

  /** The listed deployments; the list may be empty when the API has a current definition ({@code body}). */
  private List<Declared> deployments(ConfigNode list, String basepath, boolean failOnWarnings, boolean hasBody) {
    List<Declared> declared = new ArrayList<>();
    for (ConfigNode d : list.list()) {
      if (d.isObjectWith(DEPLOYMENT_KEYS)) {
        ConfigNode dBasepath = d.field("basepath");
        Boolean dFailOnWarnings = d.field("failOnWarnings").bool();
        declared.add(new Declared(d, d.field("id"), d.field("description").string(), d.field("body").required(),
            body(d.field("body")), dBasepath.isPresent() ? dBasepath.oneOf(BASEPATHS) : basepath,
            dFailOnWarnings == null ? failOnWarnings : dFailOnWarnings, createdDate(d.field("createdDate"))));
      }
    }
    if (!hasBody && list.json().isArray() && list.json().isEmpty()) {
      list.problem("is empty; list at least one deployment, or give body instead");
    }
    return declared;
  }

  /** A body's file name, or the JSON text of a definition given inline (an object); null when absent or invalid. */
  private static String body(ConfigNode node) {
    if (node.json() instanceof ObjectNode inline) {
      return inline.toString();
    }
    return node.string();
  }

  private static Instant createdDate(ConfigNode node) {
    String text = node.string();
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      node.problem(Json.quote(text) + " is not a valid time: use ISO-8601 in UTC, such as 2026-01-31T12:00:00Z");
      return null;
    }
  }

  /**
   * Reads and imports a body: a file, or a definition given inline. With an invalid API id (already reported) the
   * body is checked but not imported: the importer needs the id for the API's ARNs.
   */
  private Imported importBody(Declared declared, String apiId) {
    if (declared.body() == null) {
      return null;
    }
    ConfigNode bodyNode = declared.bodyNode();
    byte[] document;
    Instant modified;
    String source;
    if (bodyNode.json().isObject()) {
      document = declared.body().getBytes(StandardCharsets.UTF_8);
      modified = declared.createdDate() == null ? fileTime(configFile) : declared.createdDate();
      source = configFile + "#" + bodyNode.pointer();
    } else {
      Path path = bodyFile(bodyNode, declared.body());
      if (path == null) {
        return null;
      }
      try {
        document = Files.readAllBytes(path);
        modified = declared.createdDate() == null ? Files.getLastModifiedTime(path).toInstant()
            : declared.createdDate();
      } catch (IOException e) {
        bodyNode.problem("cannot read " + path + ": " + e + "; check its permissions");
        return null;
      }
      source = path.toString();
    }
    if (importer == null) {
      bodyNode.problem("cannot be imported: no ApiImporter is on the class path; add the restgate openapi module");
      return null;
    }
    if (apiId == null) {
      return null;
    }
    ApiImporter.Options options = new ApiImporter.Options(apiId, source,
        declared.basepath() == null ? "ignore" : declared.basepath(), declared.failOnWarnings(), region,
        accountId, "aws");
    try {
      ApiImporter.Result result = importer.importApi(document, options);
      result.warnings().forEach(warning -> LOG.warn("Imported with a warning: {}", warning));
      return new Imported(result.api(), modified);
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return null;
    } catch (RuntimeException e) {
      // An importer bug must not hide the configuration's other problems.
      bodyNode.problem("the API importer failed on " + source + ": " + e);
      return null;
    }
  }

  /** The body file, watched by live reload; null (reported) when it is not a readable file. */
  private Path bodyFile(ConfigNode bodyNode, String body) {
    Path path;
    try {
      path = configFile.resolveSibling(body).normalize();
    } catch (InvalidPathException e) {
      bodyNode.problem(Json.quote(body) + " is not a valid path: " + e.getReason());
      return null;
    }
    files.add(path.toAbsolutePath());
    if (!Files.isRegularFile(path)) {
      bodyNode.problem("there is no file " + path + " (paths are relative to the configuration file's "
          + "directory); check the path");
      return null;
    }
    return path;
  }

  private static Instant fileTime(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  /** @param required whether the API must have a stage (it has no list of deployments) */
  private List<Stage> stages(ConfigNode node, String apiId, Deployments deployments, boolean required) {
    List<ConfigNode> nodes = (required ? node.required() : node).list();
    if (required && node.isPresent() && node.json().isArray() && node.json().isEmpty()) {
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
