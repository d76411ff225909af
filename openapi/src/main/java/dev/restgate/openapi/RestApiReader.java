package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.http.HttpMethods;
import dev.restgate.model.Method;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a whole document into a {@link RestApi}, reporting every problem on the way. */
final class RestApiReader {
  private static final Map<String, String> VERBS = new LinkedHashMap<>();

  static {
    for (String verb : HttpMethods.VERBS) {
      VERBS.put(verb.toLowerCase(Locale.ROOT), verb);
    }
    VERBS.put(Extensions.ANY_METHOD, HttpMethods.ANY);
  }

  private static final Set<String> ROOT_EXTENSIONS = Set.of(Extensions.API_KEY_SOURCE,
      Extensions.BINARY_MEDIA_TYPES, Extensions.REQUEST_VALIDATORS, Extensions.REQUEST_VALIDATOR,
      Extensions.GATEWAY_RESPONSES, Extensions.DOCUMENTATION, Extensions.MINIMUM_COMPRESSION_SIZE,
      Extensions.POLICY);

  private final JsonNode document;
  private final SpecVersion version;
  private final ApiImporter.Options options;
  private final Problems problems;
  private final FieldReader reader;
  private final Located root;

  RestApiReader(JsonNode document, SpecVersion version, ApiImporter.Options options, Problems problems) {
    this.document = document;
    this.version = version;
    this.options = options;
    this.problems = problems;
    this.reader = new FieldReader(problems);
    this.root = Located.root(document);
  }

  RestApi read() {
    warnAboutIgnoredExtensions();
    Located info = root.get("info");
    String name = reader.text(info.get("title"));
    if (name == null && !info.get("title").exists()) {
      problems.error(reader.object(info) ? info : root, "info.title is required: it is the API's name");
    }
    ApiSettingsReader.ApiSettings settings = new ApiSettingsReader(reader).read(root, version, options);
    ModelCatalog models = new ModelCatalog(options.apiId(), version, new Refs(root, problems), problems);
    models.readDefinitions(version.schemas(root));
    SecuritySchemes security = new SecuritySchemes(options.apiId(), version, root, reader);
    RequestValidators validators = new RequestValidators(options.apiId(), root, reader);
    ResourceTree tree = new ResourceTree(options.apiId(), problems);
    readPaths(tree, new MethodReader(version, root, models, security, validators, reader));
    ParserCheck.check(document, version, problems);
    List<String> warnings = problems.warnings().stream().map(RestApiReader::describe).toList();
    return new RestApi(options.apiId(), name, reader.text(info.get("description")),
        reader.scalar(info.get("version")), settings.binaryMediaTypes(), settings.minimumCompressionSize(),
        settings.apiKeySource(), settings.endpointConfiguration(), settings.policy(), Map.of(),
        settings.disableExecuteApiEndpoint(), warnings, tree.resources(), security.authorizers(), models.models(),
        validators.all(), settings.gatewayResponses(), settings.documentation(), Extensions.plugins(root));
  }

  private void readPaths(ResourceTree tree, MethodReader methods) {
    Located paths = root.get("paths");
    if (!reader.object(paths)) {
      return;
    }
    BasePath basePath = BasePath.of(options.basepath(), root, version, reader);
    for (Map.Entry<String, Located> entry : paths.fields()) {
      String key = entry.getKey();
      Located item = entry.getValue();
      String path = basePath.apply(key);
      String resourcePath = null;
      if (key.startsWith("/")) {
        resourcePath = tree.add(path, item);
      } else {
        problems.error(item, "A path must start with '/': " + key);
      }
      if (!reader.object(item)) {
        continue;
      }
      Extensions.warnIgnored(item, Set.of(Extensions.ANY_METHOD), "a path item", problems);
      for (Map.Entry<String, Located> member : item.fields()) {
        String verb = VERBS.get(member.getKey());
        if (verb != null) {
          Method method = methods.read(verb, path, member.getValue(), item);
          if (resourcePath != null && method != null) {
            tree.addMethod(resourcePath, method);
          }
        } else if (member.getKey().equals("trace")) {
          problems.warning(member.getValue(), "API Gateway has no TRACE methods; ignored");
        } else if (member.getKey().equals("$ref")) {
          problems.warning(member.getValue(), "Path item references are not supported; ignored");
        }
      }
    }
  }

  private void warnAboutIgnoredExtensions() {
    Set<String> rootExtensions = new HashSet<>(ROOT_EXTENSIONS);
    if (version == SpecVersion.SWAGGER_2) {
      rootExtensions.add(Extensions.ENDPOINT_CONFIGURATION);
    }
    Extensions.warnIgnored(root, rootExtensions, "the document root"
        + (version == SpecVersion.OPENAPI_3 ? " (OpenAPI 3.0 puts the endpoint configuration on a server)" : ""),
        problems);
    root.get("servers").elements().forEach(server ->
        Extensions.warnIgnored(server, Set.of(Extensions.ENDPOINT_CONFIGURATION), "a server", problems));
    Extensions.warnIgnored(root.get("components"), Set.of(), "components", problems);
    root.get("tags").elements().forEach(tag -> Extensions.warnIgnored(tag, Set.of(), "a tag", problems));
  }

  private static String describe(Problem problem) {
    return problem.pointer().isEmpty() ? problem.message() : problem.pointer() + ": " + problem.message();
  }
}
