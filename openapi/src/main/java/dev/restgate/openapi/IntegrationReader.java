package dev.restgate.openapi;

import dev.restgate.model.Integration;
import dev.restgate.model.IntegrationResponse;
import dev.restgate.model.MethodResponse;
import dev.restgate.model.TlsConfig;
import dev.restgate.spi.LambdaUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an operation's {@code x-amazon-apigateway-integration}, checking what API Gateway's PutIntegration and
 * PutIntegrationResponse check: the type, the fields each type requires, the timeout range, parameter mappings from
 * declared method parameters, and integration responses that answer with declared method responses.
 */
final class IntegrationReader {
  private static final List<String> TYPES = List.of("HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY", "MOCK");
  private static final List<String> PASSTHROUGH = List.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");
  private static final List<String> CONTENT_HANDLING = List.of("CONVERT_TO_TEXT", "CONVERT_TO_BINARY");
  private static final List<String> CONNECTION_TYPES = List.of("INTERNET", "VPC_LINK");
  private static final List<String> TRANSFER_MODES = List.of("BUFFERED", Integration.STREAM);
  private static final Set<String> FIELDS = Set.of("type", "uri", "httpMethod", "credentials", "connectionType",
      "connectionId", "requestParameters", "requestTemplates", "passthroughBehavior", "contentHandling",
      "cacheNamespace", "cacheKeyParameters", "timeoutInMillis", "tlsConfig", "responses", "responseTransferMode");
  private static final Set<String> HTTP_API_FIELDS = Set.of("payloadFormatVersion", "integrationSubtype",
      "responseParameters", "$ref");
  private static final Pattern TARGET = Pattern.compile(
      "integration\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.[a-zA-Z0-9._$-]+");
  private static final Pattern METHOD_SOURCE = Pattern.compile(
      "method\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.([a-zA-Z0-9._$-]+)");
  private static final Pattern OTHER_REQUEST_SOURCE =
      Pattern.compile("method\\.request\\.body(\\..+)?|context\\..+|stageVariables\\..+|'.*'", Pattern.DOTALL);
  private static final Pattern RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\.[a-zA-Z0-9._$-]+");
  private static final Pattern RESPONSE_SOURCE = Pattern.compile("integration\\.response\\.(header|multivalueheader)"
      + "\\..+|integration\\.response\\.body(\\..+)?|context\\..+|stageVariables\\..+|'.*'", Pattern.DOTALL);
  private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");

  private final FieldReader reader;
  private final Problems problems;

  IntegrationReader(FieldReader reader) {
    this.reader = reader;
    this.problems = reader.problems();
  }

  /**
   * The integration at {@code at}, or null when there is none or it is not usable (reported).
   *
   * @param requestParameters the method's declared request parameters (mapping sources must be among them)
   * @param methodResponses the method's responses (integration responses must answer with one of them)
   */
  Integration read(Located at, Map<String, Boolean> requestParameters,
      Map<String, MethodResponse> methodResponses) {
    if (!reader.object(at)) {
      return null;
    }
    if (at.get("$ref").exists()) {
      problems.warning(at, "Integrations referenced from x-amazon-apigateway-integrations apply to HTTP APIs only; "
          + "ignored");
      return null;
    }
    warnUnknownFields(at);
    String type = at.get("type").exists() ? reader.choice(at.get("type"), TYPES)
        : missing(at, "type", " (aws, aws_proxy, http, http_proxy or mock)");
    String httpMethod = upper(reader.text(at.get("httpMethod")));
    String uri = reader.text(at.get("uri"));
    if (type != null) {
      checkWhatTheTypeNeeds(at, type, uri);
    }
    String transferMode = reader.choice(at.get("responseTransferMode"), TRANSFER_MODES);
    boolean streams = Integration.STREAM.equals(transferMode);
    if (type != null) {
      checkTransferMode(at, type, uri, streams);
    }
    String connectionType = reader.choice(at.get("connectionType"), CONNECTION_TYPES);
    String connectionId = reader.text(at.get("connectionId"));
    if ("VPC_LINK".equals(connectionType) && connectionId == null) {
      missing(at, "connectionId", " when connectionType is VPC_LINK");
    }
    Map<String, String> mappings = requestMappings(at.get("requestParameters"), requestParameters);
    Located tls = at.get("tlsConfig");
    TlsConfig tlsConfig = null;
    if (reader.object(tls)) {
      if (tls.get("serverNameToVerify").exists()) {
        problems.warning(tls.get("serverNameToVerify"), "serverNameToVerify applies to HTTP APIs only; ignored");
      }
      tlsConfig = new TlsConfig(reader.bool(tls.get("insecureSkipVerification")));
    }
    // Proxy integrations ignore integration responses at run time, and AWS exports them without method responses.
    boolean usesResponses = type != null && !type.endsWith("_PROXY");
    // Every field is read even when the type is unusable, so that all of their errors are reported.
    Integration integration = new Integration(type, httpMethod, uri, connectionType, connectionId,
        reader.text(at.get("credentials")), mappings, reader.stringMap(at.get("requestTemplates")),
        reader.choice(at.get("passthroughBehavior"), PASSTHROUGH),
        reader.choice(at.get("contentHandling"), CONTENT_HANDLING),
        reader.integer(at.get("timeoutInMillis"), Integration.MIN_TIMEOUT_MILLIS,
            streams ? Integration.MAX_STREAM_TIMEOUT_MILLIS : Integration.MAX_TIMEOUT_MILLIS),
        reader.text(at.get("cacheNamespace")),
        reader.stringList(at.get("cacheKeyParameters")),
        responses(at.get("responses"), usesResponses, methodResponses), tlsConfig, transferMode);
    return type == null ? null : integration;
  }

  private void warnUnknownFields(Located at) {
    for (Map.Entry<String, Located> field : at.fields()) {
      if (HTTP_API_FIELDS.contains(field.getKey())) {
        problems.warning(field.getValue(), field.getKey() + " applies to HTTP API integrations only; ignored");
      } else if (!FIELDS.contains(field.getKey())) {
        problems.warning(field.getValue(), "Unknown integration property " + field.getKey() + "; ignored");
      }
    }
  }

  /** Every type but MOCK calls a backend, named by an ARN (AWS types) or an HTTP URL (HTTP types). */
  private void checkWhatTheTypeNeeds(Located at, String type, String uri) {
    if (type.equals("MOCK")) {
      return;
    }
    if (!at.get("httpMethod").exists()) {
      missing(at, "httpMethod", " for " + type + " integrations (the method used toward the backend)");
    }
    if (!at.get("uri").exists()) {
      missing(at, "uri", " for " + type + " integrations");
      return;
    }
    boolean aws = type.startsWith("AWS");
    if (uri != null && aws && !uri.startsWith("arn:")) {
      problems.error(at.get("uri"), "An " + type + " integration uri must be an ARN "
          + "(arn:aws:apigateway:{region}:{service}:...), not '" + uri + "'");
    } else if (uri != null && !aws && !uri.startsWith("http://") && !uri.startsWith("https://")
        && !uri.startsWith("${stageVariables.")) {
      problems.error(at.get("uri"), "An " + type + " integration uri must be an absolute http:// or https:// URL, "
          + "not '" + uri + "'");
    }
  }

  /**
   * Only proxy integrations stream, and a Lambda proxy streams exactly when its URI names
   * {@code InvokeWithResponseStream}: AWS refuses either without the other.
   */
  private void checkTransferMode(Located at, String type, String uri, boolean streams) {
    Located mode = at.get("responseTransferMode");
    if (streams && !type.equals("HTTP_PROXY") && !type.equals("AWS_PROXY")) {
      problems.error(mode, "Invalid ResponseTransferMode. ResponseTransferMode STREAM is only supported for "
          + "HTTP_PROXY and AWS_PROXY integrations.");
    } else if (type.startsWith("AWS") && uri != null && LambdaUri.isStreaming(uri) != streams) {
      problems.error(streams ? mode : at.get("uri"), streams
          ? "Invalid ResponseTransferMode. ResponseTransferMode STREAM is only supported for Lambda functions "
              + "invoked by InvokeWithResponseStream for AWS_PROXY integrations."
          : "Invalid ResponseTransferMode. ResponseTransferMode BUFFERED is only supported for Lambda functions "
              + "invoked by Invoke for " + type + " integrations.");
    }
  }

  private Map<String, String> requestMappings(Located at, Map<String, Boolean> declared) {
    Map<String, String> mappings = reader.stringMap(at);
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      Located entry = at.get(mapping.getKey());
      if (!TARGET.matcher(mapping.getKey()).matches()) {
        problems.error(entry, "Invalid mapping target '" + mapping.getKey() + "': use "
            + "integration.request.{path|querystring|header}.{name}");
      }
      String source = mapping.getValue();
      Matcher method = METHOD_SOURCE.matcher(source);
      if (method.matches()) {
        String location = method.group(1).replace("multivaluequerystring", "querystring")
            .replace("multivalueheader", "header");
        if (!declared.containsKey("method.request." + location + "." + method.group(2))) {
          problems.error(entry, "Invalid mapping expression: " + source + " is not a declared parameter of the "
              + "method (declare it under parameters)");
        }
      } else if (!OTHER_REQUEST_SOURCE.matcher(source).matches()) {
        problems.error(entry, "Invalid mapping expression '" + source + "'");
      }
    }
    return mappings;
  }

  private Map<String, IntegrationResponse> responses(Located at, boolean usesResponses,
      Map<String, MethodResponse> methodResponses) {
    Map<String, IntegrationResponse> responses = new LinkedHashMap<>();
    if (!reader.object(at)) {
      return responses;
    }
    for (Map.Entry<String, Located> field : at.fields()) {
      String pattern = field.getKey();
      Located response = field.getValue();
      if (!reader.object(response)) {
        continue;
      }
      String selectionPattern = pattern.equals("default") ? "" : pattern;
      try {
        Pattern.compile(selectionPattern);
      } catch (PatternSyntaxException e) {
        problems.error(response, "The selection pattern '" + pattern + "' is not a valid regular expression: "
            + e.getDescription());
      }
      String statusCode = reader.scalar(response.get("statusCode"));
      if (statusCode == null) {
        missing(response, "statusCode", "");
      } else if (!STATUS.matcher(statusCode).matches()) {
        problems.error(response.get("statusCode"), "statusCode must be an HTTP status code, not '" + statusCode
            + "'");
      }
      MethodResponse methodResponse = statusCode == null ? null : methodResponses.get(statusCode);
      if (usesResponses && statusCode != null && methodResponse == null) {
        problems.error(response.get("statusCode"), "No method response has status " + statusCode
            + ": declare it under the operation's responses");
      }
      Map<String, String> parameters =
          responseMappings(response.get("responseParameters"), usesResponses, methodResponse);
      responses.put(pattern, new IntegrationResponse(statusCode, selectionPattern, parameters,
          reader.stringMap(response.get("responseTemplates")),
          reader.choice(response.get("contentHandling"), CONTENT_HANDLING)));
    }
    return responses;
  }

  private Map<String, String> responseMappings(Located at, boolean usesResponses, MethodResponse methodResponse) {
    Map<String, String> mappings = reader.stringMap(at);
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      Located entry = at.get(mapping.getKey());
      if (!RESPONSE_TARGET.matcher(mapping.getKey()).matches()) {
        problems.error(entry, "Invalid mapping target '" + mapping.getKey() + "': use method.response.header.{name}");
      } else if (usesResponses && methodResponse != null
          && !methodResponse.responseParameters().containsKey(mapping.getKey())) {
        problems.error(entry, mapping.getKey() + " is not declared: add the header to the " + methodResponse
            .statusCode() + " response's headers");
      }
      if (!RESPONSE_SOURCE.matcher(mapping.getValue()).matches()) {
        problems.error(entry, "Invalid mapping expression '" + mapping.getValue() + "'");
      }
    }
    return mappings;
  }

  private String missing(Located at, String name, String context) {
    problems.error(at, name + " is required" + context);
    return null;
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
