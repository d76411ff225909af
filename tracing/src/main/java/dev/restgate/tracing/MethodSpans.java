package dev.restgate.tracing;

import dev.restgate.model.Authorizer;
import dev.restgate.model.Integration;
import dev.restgate.spi.LambdaUri;
import dev.restgate.spi.MethodSite;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Locale;

/**
 * What the spans of one method's requests have in common, worked out once when the method is deployed: span names
 * and the attributes that do not change from request to request.
 *
 * @param serverName the server span's name, {@code {METHOD} {resource path}}; null for an {@code ANY} method, whose
 *     name takes the request's verb
 * @param server the server span's fixed attributes
 * @param integrationName the integration span's name
 * @param integration the integration span's fixed attributes
 * @param authorizerName the Lambda authorizer span's name; null when the method has no Lambda authorizer
 * @param authorizer the Lambda authorizer span's fixed attributes
 */
record MethodSpans(String serverName, Attributes server, String integrationName, Attributes integration,
    String authorizerName, Attributes authorizer) {
  static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
  static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
  static final AttributeKey<String> USER_AGENT = AttributeKey.stringKey("user_agent.original");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("aws.request_id");
  static final AttributeKey<String> EXTENDED_REQUEST_ID =
      AttributeKey.stringKey("aws.api_gateway.extended_request_id");
  static final AttributeKey<String> API_ID = AttributeKey.stringKey("aws.api_gateway.api_id");
  static final AttributeKey<String> STAGE = AttributeKey.stringKey("aws.api_gateway.stage");
  static final AttributeKey<String> INTEGRATION_TYPE = AttributeKey.stringKey("aws.api_gateway.integration.type");
  static final AttributeKey<String> INTEGRATION_URI = AttributeKey.stringKey("aws.api_gateway.integration.uri");
  static final AttributeKey<String> AUTHORIZER_TYPE = AttributeKey.stringKey("aws.api_gateway.authorizer.type");
  static final AttributeKey<String> AUTHORIZER_NAME = AttributeKey.stringKey("aws.api_gateway.authorizer.name");
  static final AttributeKey<String> FAAS_INVOKED_NAME = AttributeKey.stringKey("faas.invoked_name");
  static final AttributeKey<String> FAAS_INVOKED_PROVIDER = AttributeKey.stringKey("faas.invoked_provider");
  static final AttributeKey<String> FAAS_INVOKED_REGION = AttributeKey.stringKey("faas.invoked_region");

  static MethodSpans of(MethodSite site) {
    String verb = site.method().httpMethod();
    String route = site.resource().path();
    Attributes server = Attributes.of(HTTP_ROUTE, route, API_ID, site.api().id(), STAGE, site.stage().stageName());

    Integration integration = site.method().methodIntegration();
    String type = integration == null || integration.type() == null ? "NONE"
        : integration.type().toUpperCase(Locale.ROOT);
    AttributesBuilder integrationAttributes = Attributes.builder().put(INTEGRATION_TYPE, type);
    if (integration != null && integration.uri() != null) {
      integrationAttributes.put(INTEGRATION_URI, integration.uri());
      if (type.startsWith("HTTP") && integration.httpMethod() != null && !"ANY".equals(integration.httpMethod())) {
        integrationAttributes.put(HTTP_REQUEST_METHOD, integration.httpMethod());
      }
      if (type.startsWith("AWS")) {
        function(integration.uri(), site.region(), integrationAttributes);
      }
    }

    String authorizerName = null;
    Attributes authorizerAttributes = Attributes.empty();
    Authorizer authorizer = lambdaAuthorizer(site);
    if (authorizer != null) {
      authorizerName = "authorizer " + authorizer.name();
      AttributesBuilder builder = Attributes.builder().put(AUTHORIZER_NAME, authorizer.name())
          .put(AUTHORIZER_TYPE, authorizer.type());
      function(authorizer.authorizerUri(), site.region(), builder);
      authorizerAttributes = builder.build();
    }
    return new MethodSpans("ANY".equals(verb) ? null : verb + " " + route, server, "integration " + type,
        integrationAttributes.build(), authorizerName, authorizerAttributes);
  }

  private static Authorizer lambdaAuthorizer(MethodSite site) {
    if (!"CUSTOM".equals(site.method().authorizationType()) || site.method().authorizerId() == null) {
      return null;
    }
    for (Authorizer authorizer : site.api().authorizers()) {
      if (site.method().authorizerId().equals(authorizer.id())
          && ("TOKEN".equals(authorizer.type()) || "REQUEST".equals(authorizer.type()))) {
        return authorizer;
      }
    }
    return null;
  }

  /** The function a Lambda URI names, as {@code faas.invoked_*}; nothing for a URI that names none. */
  private static void function(String uri, String region, AttributesBuilder attributes) {
    try {
      LambdaUri lambda = LambdaUri.parse(uri);
      attributes.put(FAAS_INVOKED_NAME, lambda.function()).put(FAAS_INVOKED_PROVIDER, "aws")
          .put(FAAS_INVOKED_REGION, region);
    } catch (IllegalArgumentException e) {
      // Not a Lambda function (an AWS service integration): the integration's URI says what it is.
    }
  }
}
