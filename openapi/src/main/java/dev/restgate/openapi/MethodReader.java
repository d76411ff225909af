package dev.restgate.openapi;

import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.model.MethodResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one operation of a path into a {@link Method}. */
final class MethodReader {
  private static final Set<String> OPERATION_EXTENSIONS =
      Set.of(Extensions.INTEGRATION, Extensions.AUTH, Extensions.REQUEST_VALIDATOR);

  private final Located root;
  private final SecuritySchemes security;
  private final RequestValidators validators;
  private final RequestReader requests;
  private final ResponseReader responses;
  private final IntegrationReader integrations;
  private final FieldReader reader;
  private final Problems problems;

  MethodReader(SpecVersion version, Located root, ModelCatalog models, SecuritySchemes security,
      RequestValidators validators, FieldReader reader) {
    Refs refs = new Refs(root, reader.problems());
    this.root = root;
    this.security = security;
    this.validators = validators;
    this.requests = new RequestReader(version, root, refs, models, reader);
    this.responses = new ResponseReader(version, refs, models, requests, reader);
    this.integrations = new IntegrationReader(reader);
    this.reader = reader;
    this.problems = reader.problems();
  }

  /**
   * The method, or null when the operation is not an object (reported).
   *
   * @param verb {@code GET}, ..., or {@code ANY}
   * @param path the resource path (for the names of models made from inline schemas)
   */
  Method read(String verb, String path, Located operation, Located pathItem) {
    if (!reader.object(operation)) {
      return null;
    }
    Extensions.warnIgnored(operation, OPERATION_EXTENSIONS, "an operation", problems);
    if (operation.node().path("deprecated").asBoolean(false)) {
      problems.warning(operation.get("deprecated"), "deprecated is not supported; the method is imported as usual");
    }
    if (operation.get("isDefaultRoute").exists()) {
      problems.warning(operation.get("isDefaultRoute"), "isDefaultRoute applies to HTTP APIs only; ignored");
    }
    String operationId = reader.text(operation.get("operationId"));
    String modelName = operationId != null ? operationId : modelName(verb, path);
    RequestReader.Request request = requests.read(operation, pathItem, modelName);
    Map<String, MethodResponse> methodResponses = responses.read(operation, modelName);
    SecuritySchemes.MethodAuth auth = auth(operation);
    Integration integration = null;
    if (operation.get(Extensions.INTEGRATION).exists()) {
      integration = integrations.read(operation.get(Extensions.INTEGRATION), request.parameters(), methodResponses);
    } else {
      problems.warning(operation, "No " + Extensions.INTEGRATION + ": API Gateway does not deploy a method without "
          + "an integration");
    }
    return new Method(verb, auth.authorizationType(), auth.authorizerId(), auth.apiKeyRequired(),
        validators.forOperation(operation), operationId, request.parameters(), request.models(), methodResponses,
        integration, auth.scopes(), Extensions.plugins(operation));
  }

  /**
   * The operation's own {@code security}, else the document's (an empty array means none), then overridden by
   * {@code x-amazon-apigateway-auth}.
   */
  private SecuritySchemes.MethodAuth auth(Located operation) {
    Located own = operation.get("security");
    SecuritySchemes.MethodAuth auth = security.resolve(own.node().isMissingNode() ? root.get("security") : own);
    Located override = operation.get(Extensions.AUTH);
    if (!reader.object(override)) {
      return auth;
    }
    if (!override.get("type").exists()) {
      problems.error(override, "type is required (NONE or AWS_IAM)");
      return auth;
    }
    String type = reader.choice(override.get("type"), List.of("NONE", "AWS_IAM"));
    return type == null ? auth : new SecuritySchemes.MethodAuth(type, null, auth.apiKeyRequired(), List.of());
  }

  /** {@code GET /pets/{petId}} becomes {@code GetPetsPetId}. */
  private static String modelName(String verb, String path) {
    StringBuilder name = new StringBuilder(capitalise(verb.toLowerCase(Locale.ROOT)));
    for (String part : path.split("[^A-Za-z0-9]+")) {
      name.append(capitalise(part));
    }
    return name.toString();
  }

  private static String capitalise(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
