package dev.restgate.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.model.Deployment;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.AuthorizerCaches;
import dev.restgate.spi.CallRefusal;
import dev.restgate.spi.ClientSdks;
import dev.restgate.spi.DomainDirectory;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.ServiceCall;
import dev.restgate.spi.ServiceEndpoint;
import dev.restgate.spi.StageCaches;
import dev.restgate.spi.UsagePlanDirectory;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The management API's paths on the gateway's port. Invoke URLs win over it ({@code /restapis/{id}/{stage}/
 * _user_request_/...} is never a management call); every other path under one of its collections is, and is
 * answered only for a caller whose SigV4 signature (service {@code apigateway}) and IAM policies allow
 * {@code apigateway:{VERB}} on {@code arn:aws:apigateway:{region}::{path}}.
 */
final class ControlPlaneEndpoint implements ServiceEndpoint {
  private static final Set<String> COLLECTIONS = Set.of("account", "apikeys", "clientcertificates", "domainnames",
      "restapis", "sdktypes", "tags", "usageplans", "vpclinks");

  private static final List<String> EXPORT_EXTENSIONS =
      List.of("integrations", "apigateway", "authorizers", "validators", "postman");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final GatewayConfig config;
  private final String prefix;
  private final int port;

  /**
   * @param prefix the path the management paths are served below, or empty for the root
   * @param port the only local port the management paths are served on, or 0 for every port
   */
  ControlPlaneEndpoint(GatewayConfig config, String prefix, int port) {
    this.config = config;
    this.prefix = prefix;
    this.port = port;
  }

  @Override
  public boolean matches(GatewayRequest request) {
    String path = request.rawPath();
    if (port != 0 && request.localPort() != port || !path.startsWith(prefix)) {
      return false;
    }
    path = path.substring(prefix.length());
    int end = path.indexOf('/', 1);
    return path.length() > 1 && path.charAt(0) == '/'
        && COLLECTIONS.contains(end < 0 ? path.substring(1) : path.substring(1, end));
  }

  @Override
  public GatewayResponse handle(ServiceCall call) throws Exception {
    GatewayRequest request = call.request();
    String path = request.rawPath().substring(prefix.length());
    Optional<CallRefusal> refusal = call.authorize("apigateway", "apigateway:" + request.method(),
        "arn:aws:apigateway:" + config.region() + "::" + path);
    if (refusal.isPresent()) {
      return error(refusal.get().status(), refusal.get().errorType(), refusal.get().message());
    }
    try {
      return dispatch(call, segments(path));
    } catch (ApiError e) {
      return error(e.status(), e.type(), e.getMessage());
    } catch (UncheckedIOException e) {
      return error(503, "ServiceUnavailableException", "The objects created at run time cannot be read now, so "
          + "nothing changed: " + e.getCause().getMessage());
    }
  }

  private GatewayResponse dispatch(ServiceCall call, List<String> path) throws Exception {
    String verb = call.request().method();
    if (path.get(0).equals("apikeys") || path.get(0).equals("usageplans")) {
      UsagePlanCalls calls = new UsagePlanCalls(call.service(UsagePlanDirectory.class).orElse(null));
      if (verb.equals("GET")) {
        return usagePlans(call, path, calls);
      }
      return change(call, path, calls);
    }
    if (path.get(0).equals("account") && path.size() == 1 && verb.equals("GET")) {
      return ok(account(call));
    }
    if (path.get(0).equals("domainnames")) {
      DomainCalls calls = new DomainCalls(call.service(DomainDirectory.class).orElse(null));
      return verb.equals("GET") ? domainNames(call, path, calls) : changeDomainName(call, path, calls);
    }
    if (path.get(0).equals("tags") && path.size() == 2) {
      Map<String, String> tags = tags(call, path.get(1));
      if (verb.equals("GET")) {
        return ok(Views.JSON.createObjectNode().set("tags", Views.JSON.valueToTree(tags)));
      }
      if (verb.equals("PUT") || verb.equals("DELETE")) {
        return tag(call, path.get(1));
      }
    }
    if (path.get(0).equals("sdktypes") && verb.equals("GET") && path.size() <= 2) {
      SdkCalls sdks = new SdkCalls(call.service(ClientSdks.class).orElse(null));
      return path.size() == 1 ? page(call, sdks.types()) : ok(sdks.type(path.get(1)));
    }
    if (!path.get(0).equals("restapis")) {
      throw unsupported(verb, call.request().rawPath());
    }
    if (path.size() == 1) {
      if (verb.equals("POST")) {
        RestApiCalls calls = new RestApiCalls(managed(call));
        byte[] body = call.request().bodyBytes();
        return json(201, Views.restApi("import".equals(UsagePlanCalls.first(call.request().query(), "mode"))
            ? calls.importApi(body, call.request().query()) : calls.create(ManagedCalls.body(body))));
      }
      if (!verb.equals("GET")) {
        throw unsupported(verb, call.request().rawPath());
      }
      List<JsonNode> apis = new ArrayList<>();
      config.restApis().forEach(api -> apis.add(Views.restApi(api)));
      return page(call, apis);
    }
    ApiConfig api = config.restApi(path.get(1))
        .orElseThrow(() -> ApiError.notFound("Invalid API identifier specified " + config.accountId() + ":"
            + path.get(1)));
    if (!verb.equals("GET") && !isFlush(verb, path)) {
      return changeRestApi(call, api, path);
    }
    if (path.size() == 2) {
      return ok(Views.restApi(api));
    }
    return switch (path.get(2)) {
      case "resources" -> resources(call, api, path);
      case "deployments" -> deployments(call, api, path);
      case "stages" -> stages(call, api, path);
      default -> throw unsupported(verb, call.request().rawPath());
    };
  }

  /**
   * The calls that create and change API keys, usage plans and plan keys, where declared objects stay read-only;
   * and {@code UpdateUsage}, which changes usage, not objects, so declared plans and keys take it too.
   */
  private GatewayResponse change(ServiceCall call, List<String> path, UsagePlanCalls calls) throws Exception {
    String verb = call.request().method();
    boolean apiKeys = path.get(0).equals("apikeys");
    if (!apiKeys && path.size() == 5 && path.get(2).equals("keys") && path.get(4).equals("usage")
        && verb.equals("PATCH")) {
      return ok(calls.updateUsage(path.get(1), path.get(3), ManagedCalls.body(call.request().bodyBytes())));
    }
    if (path.size() == 2 && !verb.equals("POST")) {
      if (apiKeys) {
        calls.apiKey(path.get(1), Map.of());
      } else {
        calls.usagePlan(path.get(1));
      }
    }
    boolean create = path.size() == 1 && verb.equals("POST");
    boolean change = path.size() == 2 && (verb.equals("PATCH") || verb.equals("DELETE"));
    boolean planKey = !apiKeys && path.size() >= 3 && path.size() <= 4 && path.get(2).equals("keys")
        && (verb.equals("POST") && path.size() == 3 || verb.equals("DELETE") && path.size() == 4);
    if (!create && !change && !planKey) {
      throw unsupported(verb, call.request().rawPath());
    }
    if (change && !call.service(ManagedConfiguration.class).map(objects -> apiKeys
        ? ManagedCalls.isManagedKey(objects, path.get(1))
        : ManagedCalls.isManagedPlan(objects, path.get(1))).orElse(false)) {
      throw readOnly((apiKeys ? "API key " : "Usage plan ") + path.get(1));
    }
    ManagedCalls managed = managedCalls(call);
    Map<String, List<String>> query = call.request().query();
    if (apiKeys && create && "import".equals(UsagePlanCalls.first(query, "mode"))) {
      if (!"csv".equalsIgnoreCase(UsagePlanCalls.first(query, "format"))) {
        throw ApiError.badRequest("Invalid format specified: only csv API key files are imported");
      }
      return json(201, managed.importApiKeys(new String(call.request().bodyBytes(), StandardCharsets.UTF_8),
          "true".equalsIgnoreCase(UsagePlanCalls.first(query, "failonwarnings"))));
    }
    JsonNode body = verb.equals("DELETE") ? null : ManagedCalls.body(call.request().bodyBytes());
    if (create) {
      return json(201, apiKeys ? managed.createApiKey(body) : managed.createUsagePlan(body));
    }
    if (change) {
      boolean delete = verb.equals("DELETE");
      if (apiKeys && delete) {
        managed.deleteApiKey(path.get(1));
      } else if (delete) {
        managed.deleteUsagePlan(path.get(1));
      } else {
        return json(200, apiKeys ? managed.updateApiKey(path.get(1), body)
            : managed.updateUsagePlan(path.get(1), body));
      }
      return new GatewayResponse(202, json(), Body.empty());
    }
    calls.usagePlan(path.get(1));
    if (verb.equals("POST")) {
      managed.createUsagePlanKey(path.get(1), body);
      return json(201, calls.usagePlanKey(path.get(1), body.path("keyId").asText(), true));
    }
    managed.deleteUsagePlanKey(path.get(1), path.get(3));
    return new GatewayResponse(202, json(), Body.empty());
  }

  /**
   * {@code PutRestApi}, {@code DeleteRestApi}, {@code CreateDeployment}, {@code DeleteDeployment},
   * {@code CreateStage}, {@code UpdateStage} and {@code DeleteStage} on an API created at run time.
   */
  private GatewayResponse changeRestApi(ServiceCall call, ApiConfig api, List<String> path) throws Exception {
    String verb = call.request().method();
    if (!call.service(ManagedConfiguration.class).map(objects -> RestApiCalls.isManaged(objects, api.id()))
        .orElse(false)) {
      throw readOnly("REST API " + api.id());
    }
    if (path.size() > 4 || path.size() > 2 && !path.get(2).equals("deployments") && !path.get(2).equals("stages")) {
      throw unsupported(verb, call.request().rawPath());
    }
    RestApiCalls calls = new RestApiCalls(managed(call));
    byte[] bytes = call.request().bodyBytes();
    String route = verb + " " + (path.size() == 2 ? "" : path.get(2) + (path.size() == 3 ? "" : "/{id}"));
    switch (route) {
      case "PUT " -> {
        return ok(Views.restApi(calls.put(api.id(), bytes, call.request().query())));
      }
      case "DELETE " -> calls.delete(api.id());
      case "POST deployments" -> {
        RestApiCalls.Deployed deployed = calls.createDeployment(api.id(), ManagedCalls.body(bytes));
        return json(201, Views.deployment(deployed.api().deployment(deployed.deploymentId()).orElseThrow()));
      }
      case "DELETE deployments/{id}" -> {
        api.deployment(path.get(3)).orElseThrow(() -> ApiError.notFound("Invalid Deployment identifier specified"));
        calls.deleteDeployment(api.id(), path.get(3));
      }
      case "POST stages" -> {
        JsonNode body = ManagedCalls.body(bytes);
        ApiConfig changed = calls.createStage(api.id(), body);
        return json(201, Views.stage(changed.stage(body.path("stageName").asText()).orElseThrow()));
      }
      case "PATCH stages/{id}" -> {
        ApiConfig changed = calls.updateStage(api.id(), path.get(3), ManagedCalls.body(bytes));
        return ok(Views.stage(changed.stage(path.get(3)).orElseThrow()));
      }
      case "DELETE stages/{id}" -> calls.deleteStage(api.id(), path.get(3));
      default -> throw unsupported(verb, call.request().rawPath());
    }
    return new GatewayResponse(202, json(), Body.empty());
  }

  /** What changes objects at run time: refused when the gateway runs without a configuration file. */
  private ManagedConfiguration managed(ServiceCall call) throws ApiError {
    ManagedConfiguration managed = call.service(ManagedConfiguration.class).orElseThrow(() -> ApiError.badRequest(
        "This gateway runs without a configuration file, so nothing can be created or changed at run time"));
    return managed;
  }

  private ManagedCalls managedCalls(ServiceCall call) throws ApiError {
    return new ManagedCalls(managed(call), call.service(UsagePlanDirectory.class).orElseThrow(
        () -> ApiError.badRequest("No module of this gateway enforces API keys and usage plans")));
  }

  private GatewayResponse domainNames(ServiceCall call, List<String> path, DomainCalls calls) throws Exception {
    if (path.size() == 1) {
      return page(call, calls.domainNames());
    }
    if (path.size() == 2) {
      return ok(calls.domainName(path.get(1)));
    }
    if (path.get(2).equals("basepathmappings") && path.size() == 3) {
      return page(call, calls.basePathMappings(path.get(1)));
    }
    if (path.get(2).equals("basepathmappings") && path.size() == 4) {
      return ok(calls.basePathMapping(path.get(1), path.get(3)));
    }
    throw unsupported(call.request().method(), call.request().rawPath());
  }

  /**
   * {@code CreateDomainName}, {@code DeleteDomainName} and the base path mapping writes; a domain the file declares
   * is read-only, mappings included.
   */
  private GatewayResponse changeDomainName(ServiceCall call, List<String> path, DomainCalls calls)
      throws Exception {
    String verb = call.request().method();
    boolean mappings = path.size() >= 3 && path.get(2).equals("basepathmappings");
    if (path.size() > 4 || path.size() >= 3 && !mappings) {
      throw unsupported(verb, call.request().rawPath());
    }
    DomainWrites writes = new DomainWrites(managed(call), call.service(DomainDirectory.class).orElse(null));
    if (path.size() == 1 && verb.equals("POST")) {
      return json(201, writes.create(ManagedCalls.body(call.request().bodyBytes())));
    }
    if (path.size() == 1) {
      throw unsupported(verb, call.request().rawPath());
    }
    calls.domainName(path.get(1));
    if (!DomainWrites.isManaged(managed(call), path.get(1))) {
      throw readOnly("Domain name " + path.get(1));
    }
    String route = verb + " " + path.size();
    switch (route) {
      case "DELETE 2" -> writes.delete(path.get(1));
      case "POST 3" -> {
        return json(201, writes.createMapping(path.get(1), ManagedCalls.body(call.request().bodyBytes())));
      }
      case "PATCH 4" -> {
        return ok(writes.updateMapping(path.get(1), path.get(3), ManagedCalls.body(call.request().bodyBytes())));
      }
      case "DELETE 4" -> writes.deleteMapping(path.get(1), path.get(3));
      default -> throw unsupported(verb, call.request().rawPath());
    }
    return new GatewayResponse(202, json(), Body.empty());
  }

  /**
   * {@code GetAccount}: the account-level throttle and the features AWS lists; no CloudWatch role, since logs stay
   * with the gateway.
   */
  private static ObjectNode account(ServiceCall call) {
    ObjectNode account = Views.JSON.createObjectNode();
    call.service(UsagePlanDirectory.class).map(UsagePlanDirectory::accountThrottle)
        .ifPresent(throttle -> account.set("throttleSettings", Views.JSON.valueToTree(throttle)));
    account.putArray("features").add("UsagePlans");
    account.put("apiKeyVersion", "4");
    return account;
  }

  /**
   * {@code GetTags}: the tags of a REST API, a stage, an API key or a usage plan, named by its ARN
   * ({@code arn:aws:apigateway:{region}::/restapis/{id}[/stages/{stage}]}, {@code ...::/apikeys/{id}},
   * {@code ...::/usageplans/{id}}).
   */
  private Map<String, String> tags(ServiceCall call, String arn) throws ApiError {
    int resource = arn.indexOf("::/");
    if (!arn.startsWith("arn:aws") || resource < 0) {
      throw ApiError.badRequest("Invalid resource ARN specified: " + arn);
    }
    List<String> path = segments(arn.substring(resource + 2));
    UsagePlanDirectory directory = call.service(UsagePlanDirectory.class).orElse(null);
    if (path.size() == 2 && path.get(0).equals("apikeys") && directory != null) {
      return directory.apiKeys().stream().filter(k -> k.id().equals(path.get(1))).findFirst()
          .orElseThrow(() -> ApiError.notFound("Invalid API Key identifier specified")).tags();
    }
    if (path.size() == 2 && path.get(0).equals("usageplans") && directory != null) {
      return directory.usagePlans().stream().filter(p -> p.id().equals(path.get(1))).findFirst()
          .orElseThrow(() -> ApiError.notFound("Invalid Usage Plan ID specified")).tags();
    }
    if ((path.size() == 2 || path.size() == 4 && path.get(2).equals("stages")) && path.get(0).equals("restapis")) {
      ApiConfig api = config.restApi(path.get(1)).orElseThrow(() -> ApiError.notFound(
          "Invalid API identifier specified " + config.accountId() + ":" + path.get(1)));
      if (path.size() == 2) {
        return api.definition().tags();
      }
      return api.stage(path.get(3)).orElseThrow(() -> ApiError.notFound("Invalid stage identifier specified"))
          .tags();
    }
    throw ApiError.badRequest("Invalid resource ARN specified: " + arn
        + " (tags are read for REST APIs, stages, API keys and usage plans)");
  }

  /**
   * {@code TagResource} ({@code PUT}, body {@code {"tags": {...}}}) and {@code UntagResource} ({@code DELETE},
   * {@code ?tagKeys=...}) for API keys, usage plans and stages made at run time; other objects are read-only.
   */
  private GatewayResponse tag(ServiceCall call, String arn) throws Exception {
    List<String> path = segments(arn.substring(arn.indexOf("::/") + 2));
    Function<ObjectNode, ObjectNode> entryOf = null;
    if (path.size() == 2 && (path.get(0).equals("apikeys") || path.get(0).equals("usageplans"))) {
      String collection = path.get(0).equals("apikeys") ? "apiKeys" : "usagePlans";
      entryOf = document -> ManagedCalls.find(document.withArray(collection), "id", path.get(1));
    } else if (path.size() == 4 && path.get(0).equals("restapis") && path.get(2).equals("stages")) {
      entryOf = document -> {
        ObjectNode api = ManagedCalls.find(document.withArray("restApis"), "id", path.get(1));
        return api == null ? null : ManagedCalls.find(api.withArray("stages"), "stageName", path.get(3));
      };
    }
    boolean put = call.request().method().equals("PUT");
    JsonNode tags = put ? ManagedCalls.body(call.request().bodyBytes()).path("tags") : null;
    List<String> remove = put ? List.of() : call.request().query().getOrDefault("tagKeys", List.of());
    if (entryOf == null || !ManagedCalls.tag(managed(call), entryOf, tags, remove)) {
      throw readOnly("The resource " + arn);
    }
    return new GatewayResponse(204, json(), Body.empty());
  }

  private GatewayResponse usagePlans(ServiceCall call, List<String> path, UsagePlanCalls calls) throws Exception {
    Map<String, List<String>> query = call.request().query();
    if (path.get(0).equals("apikeys")) {
      return switch (path.size()) {
        case 1 -> page(call, calls.apiKeys(query));
        case 2 -> ok(calls.apiKey(path.get(1), query));
        default -> throw unsupported(call.request().method(), call.request().rawPath());
      };
    }
    if (path.size() == 1) {
      return page(call, calls.usagePlans(query));
    }
    if (path.size() == 2) {
      return ok(calls.usagePlan(path.get(1)));
    }
    if (path.get(2).equals("keys") && path.size() == 3) {
      return page(call, calls.usagePlanKeys(path.get(1)));
    }
    if (path.get(2).equals("keys") && path.size() == 4) {
      return ok(calls.usagePlanKey(path.get(1), path.get(3)));
    }
    if (path.get(2).equals("usage") && path.size() == 3) {
      return ok(calls.usage(path.get(1), query));
    }
    throw unsupported(call.request().method(), call.request().rawPath());
  }

  private GatewayResponse resources(ServiceCall call, ApiConfig api, List<String> path)
      throws ApiError, JsonProcessingException {
    RestApi current = api.definition();
    if (path.size() == 3) {
      boolean embed = call.request().query().getOrDefault("embed", List.of()).contains("methods");
      List<JsonNode> resources = new ArrayList<>();
      current.resources().forEach(resource -> resources.add(Views.resource(resource, embed)));
      return page(call, resources);
    }
    Resource resource = current.resources().stream().filter(r -> r.id().equals(path.get(3))).findFirst()
        .orElseThrow(() -> ApiError.notFound("Invalid Resource identifier specified"));
    if (path.size() == 4) {
      return ok(Views.resource(resource, true));
    }
    if (!path.get(4).equals("methods") || path.size() < 6 || path.size() > 7) {
      throw unsupported(call.request().method(), call.request().rawPath());
    }
    Method method = resource.resourceMethods().get(path.get(5).toUpperCase(Locale.ROOT));
    if (method == null) {
      throw ApiError.notFound("Invalid Method identifier specified");
    }
    if (path.size() == 6) {
      return ok(Views.method(method));
    }
    if (!path.get(6).equals("integration")) {
      throw unsupported(call.request().method(), call.request().rawPath());
    }
    if (method.methodIntegration() == null) {
      throw ApiError.notFound("Invalid Integration identifier specified");
    }
    return ok(Views.integration(method.methodIntegration()));
  }

  private GatewayResponse deployments(ServiceCall call, ApiConfig api, List<String> path)
      throws ApiError, JsonProcessingException {
    if (path.size() == 3) {
      List<JsonNode> deployments = new ArrayList<>();
      api.deployments().forEach(deployment -> deployments.add(Views.deployment(deployment)));
      return page(call, deployments);
    }
    if (path.size() > 4) {
      throw unsupported(call.request().method(), call.request().rawPath());
    }
    Deployment deployment = api.deployment(path.get(3))
        .orElseThrow(() -> ApiError.notFound("Invalid Deployment identifier specified"));
    return ok(Views.deployment(deployment));
  }

  private GatewayResponse stages(ServiceCall call, ApiConfig api, List<String> path)
      throws ApiError, JsonProcessingException {
    if (path.size() == 3) {
      ObjectNode stages = Views.JSON.createObjectNode();
      api.stages().forEach(stage -> stages.withArray("item").add(Views.stage(stage)));
      stages.withArray("item");
      return ok(stages);
    }
    Stage stage = api.stage(path.get(3))
        .orElseThrow(() -> ApiError.notFound("Invalid stage identifier specified"));
    if (path.size() == 4) {
      return ok(Views.stage(stage));
    }
    if (path.size() == 6 && path.get(4).equals("exports") && call.request().method().equals("GET")) {
      return export(call, api, stage, path.get(5));
    }
    if (path.size() == 6 && path.get(4).equals("sdks") && call.request().method().equals("GET")) {
      return new SdkCalls(call.service(ClientSdks.class).orElse(null))
          .sdk(call.request(), api, stage, path.get(5), config.region());
    }
    if (isFlush(call.request().method(), path)) {
      if (path.get(5).equals("data")) {
        call.service(StageCaches.class).ifPresent(caches -> caches.flush(api.id(), stage.stageName()));
      } else {
        call.service(AuthorizerCaches.class).ifPresent(caches -> caches.flush(api.id(), stage.stageName()));
      }
      return new GatewayResponse(202, json(), Body.empty());
    }
    throw unsupported(call.request().method(), call.request().rawPath());
  }

  /** {@code GetExport}: JSON, or YAML when the client accepts {@code application/yaml}. */
  private GatewayResponse export(ServiceCall call, ApiConfig api, Stage stage, String type)
      throws ApiError, JsonProcessingException {
    Exporter.Format format = switch (type) {
      case "swagger" -> Exporter.Format.SWAGGER;
      case "oas30" -> Exporter.Format.OAS30;
      default -> throw ApiError.badRequest("Invalid export type specified: " + type + " (use swagger or oas30)");
    };
    Set<String> extensions = new HashSet<>();
    for (String value : call.request().query().getOrDefault("extensions", List.of())) {
      for (String extension : value.split(",")) {
        String name = extension.strip().toLowerCase(Locale.ROOT);
        if (!EXPORT_EXTENSIONS.contains(name)) {
          throw ApiError.badRequest("Invalid extensions specified: " + extension.strip() + " (use "
              + String.join(", ", EXPORT_EXTENSIONS) + ")");
        }
        extensions.add(name);
      }
    }
    Deployment deployment = api.deployment(stage.deploymentId()).orElseThrow();
    ObjectNode document = new Exporter(deployment.api(), format, extensions)
        .export(deployment, stage.stageName(), config.region());
    String accept = call.request().headers().first("Accept");
    boolean yaml = accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml");
    byte[] body = yaml ? YAML.writeValueAsBytes(document) : Views.JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsBytes(document);
    String version = document.path("info").path("version").asText();
    Headers headers = new Headers()
        .add("Content-Type", "application/octet-stream")
        .add("Content-Disposition", "attachment; filename=\"" + type + "_" + version + (yaml ? ".yaml" : ".json")
            + "\"");
    return new GatewayResponse(200, headers, Body.of(body));
  }

  /**
   * {@code DELETE /restapis/{id}/stages/{stage}/cache/data} (FlushStageCache) or {@code .../cache/authorizers}
   * (FlushStageAuthorizersCache).
   */
  private static boolean isFlush(String verb, List<String> path) {
    return verb.equals("DELETE") && path.size() == 6 && path.get(2).equals("stages") && path.get(4).equals("cache")
        && (path.get(5).equals("data") || path.get(5).equals("authorizers"));
  }

  /** A change to an object the configuration file declares: the file stays its one source of truth. */
  private ApiError readOnly(String what) {
    String file = config.source() == null ? "the gateway's configuration" : config.source().toString();
    return ApiError.badRequest(what + " is declared in " + file + " and is read-only here; change it in that file");
  }

  private static ApiError unsupported(String verb, String path) {
    return ApiError.notFound("This gateway's control plane does not serve " + verb + " " + path
        + " (see docs/control-plane.md for what it serves)");
  }

  private static GatewayResponse page(ServiceCall call, List<JsonNode> items) throws ApiError, JsonProcessingException {
    Map<String, List<String>> query = call.request().query();
    return ok(Views.page(items, UsagePlanCalls.first(query, "position"), UsagePlanCalls.first(query, "limit")));
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.substring(1).split("/")) {
      if (!segment.isEmpty()) {
        segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  private static GatewayResponse ok(JsonNode body) throws JsonProcessingException {
    return json(200, body);
  }

  private static GatewayResponse json(int status, JsonNode body) throws JsonProcessingException {
    return new GatewayResponse(status, json(), Body.of(Views.JSON.writeValueAsBytes(body)));
  }

  private static Headers json() {
    return new Headers().add("Content-Type", "application/json");
  }

  private static GatewayResponse error(int status, String type, String message) {
    ObjectNode body = Views.JSON.createObjectNode().put("message", message);
    return new GatewayResponse(status, json().add("x-amzn-ErrorType", type), Body.of(body.toString()));
  }
}
