package dev.restgate.testing;

import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.model.Authorizer;
import dev.restgate.model.CustomGatewayResponse;
import dev.restgate.model.Deployment;
import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small APIs and configurations in code for tests. */
public final class TestApis {
  private final String apiId;
  private final Map<String, Map<String, Method>> methodsByPath = new LinkedHashMap<>();
  private final Map<String, CustomGatewayResponse> gatewayResponses = new LinkedHashMap<>();
  private final Map<String, JsonNode> extensions = new LinkedHashMap<>();
  private final List<Authorizer> authorizers = new ArrayList<>();
  private List<String> binaryMediaTypes = List.of();
  private String policy;

  private TestApis(String apiId) {
    this.apiId = apiId;
  }

  public static TestApis api(String apiId) {
    return new TestApis(apiId);
  }

  /** Adds a method to the resource at {@code path}, creating intermediate resources. */
  public TestApis method(String path, String httpMethod, Integration integration) {
    return method(path, httpMethod, integration, Map.of());
  }

  public TestApis method(String path, String httpMethod, Integration integration, Map<String, JsonNode> ext) {
    return method(path, httpMethod, integration, "NONE", null, false, ext);
  }

  /** Adds a method with authorization: {@code authorizerId} names an {@link #authorizer} for {@code CUSTOM}. */
  public TestApis method(String path, String httpMethod, Integration integration, String authorizationType,
      String authorizerId, boolean apiKeyRequired, Map<String, JsonNode> ext) {
    methodsByPath.computeIfAbsent(path, p -> new LinkedHashMap<>())
        .put(httpMethod, new Method(httpMethod, authorizationType, authorizerId, apiKeyRequired, null, null, null,
            null, null, integration, null, ext));
    return this;
  }

  /** Defines an authorizer of {@code type} ({@code TOKEN}, {@code REQUEST}, {@code COGNITO_USER_POOLS}). */
  public TestApis authorizer(String id, String type) {
    authorizers.add(new Authorizer(id, id, type, null, null, null, null, "method.request.header.Authorization", null,
        null));
    return this;
  }

  /** Sets the API's resource policy (JSON text). */
  public TestApis policy(String json) {
    policy = json;
    return this;
  }

  public TestApis gatewayResponse(String type, CustomGatewayResponse response) {
    gatewayResponses.put(type, response);
    return this;
  }

  public TestApis extension(String name, JsonNode value) {
    extensions.put(name, value);
    return this;
  }

  public TestApis binaryMediaTypes(String... types) {
    binaryMediaTypes = List.of(types);
    return this;
  }

  public RestApi build() {
    Map<String, Map<String, Method>> all = new LinkedHashMap<>();
    all.put("/", new LinkedHashMap<>());
    for (String path : methodsByPath.keySet()) {
      String prefix = "";
      for (String part : path.split("/")) {
        if (!part.isEmpty()) {
          prefix = prefix + "/" + part;
          all.putIfAbsent(prefix, new LinkedHashMap<>());
        }
      }
    }
    methodsByPath.forEach((path, methods) -> all.get(path).putAll(methods));
    List<Resource> resources = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, Map<String, Method>> entry : all.entrySet()) {
      String path = entry.getKey();
      String part = path.equals("/") ? null : path.substring(path.lastIndexOf('/') + 1);
      resources.add(new Resource("res" + (n++), null, part, path, entry.getValue()));
    }
    return new RestApi(apiId, "test api " + apiId, null, "1", binaryMediaTypes, null, null, null, policy, null, null,
        null, resources, authorizers, null, null, gatewayResponses, null, extensions);
  }

  /** A configuration serving {@code api} on one stage. */
  public static GatewayConfig config(RestApi api, String stageName, Map<String, String> variables) {
    Deployment deployment = new Deployment("dep001", null, Instant.EPOCH, api);
    Stage stage = new Stage(stageName, deployment.id(), null, variables, null, null, null, null, null, null, null);
    return GatewayConfig.builder().restApi(new ApiConfig(api.id(), List.of(deployment), List.of(stage))).build();
  }


  /** An {@code HTTP_PROXY} integration. */
  public static Integration httpProxy(String httpMethod, String uri) {
    return httpProxy(httpMethod, uri, Map.of(), null);
  }

  public static Integration httpProxy(String httpMethod, String uri, Map<String, String> requestParameters,
      Integer timeoutInMillis) {
    return new Integration("HTTP_PROXY", httpMethod, uri, null, null, null, requestParameters, null, null, null,
        timeoutInMillis, null, null, null, null, null);
  }

  /** An {@code HTTP_PROXY} integration whose response streams ({@code responseTransferMode: STREAM}). */
  public static Integration httpProxyStreaming(String httpMethod, String uri) {
    return new Integration("HTTP_PROXY", httpMethod, uri, null, null, null, Map.of(), null, null, null, null, null,
        null, null, null, Integration.STREAM);
  }

  /** An {@code AWS_PROXY} integration calling function {@code name} with {@code InvokeWithResponseStream}. */
  public static Integration lambdaStreamingProxy(String functionNameAndQualifier) {
    return new Integration("AWS_PROXY", "POST",
        "arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:123456789012:function:"
            + functionNameAndQualifier + "/response-streaming-invocations",
        null, null, null, null, null, null, null, null, null, null, null, null, Integration.STREAM);
  }

  /** An {@code AWS_PROXY} integration calling function {@code name} (with an optional {@code :qualifier}). */
  public static Integration lambdaProxy(String functionNameAndQualifier) {
    return new Integration("AWS_PROXY", "POST",
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:"
            + functionNameAndQualifier + "/invocations",
        null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
