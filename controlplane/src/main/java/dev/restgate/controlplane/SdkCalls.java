package dev.restgate.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.ApiConfig;
import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.model.Deployment;
import dev.restgate.model.Stage;
import dev.restgate.spi.ClientSdks;
import dev.restgate.spi.ClientSdks.Property;
import dev.restgate.spi.ClientSdks.SdkType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code GetSdkTypes}, {@code GetSdkType} and {@code GetSdk} over the configuration's {@link ClientSdks}. The SDK
 * is generated from the stage's Swagger export without API Gateway extensions (what {@code GetExport} serves), its
 * base URL that of the stage on this gateway as the caller reached it, so that a generated client calls the stage
 * here by default: {@code {scheme}://{Host}{mount path}/restapis/{id}/{stage}/_user_request_}, the invoke URL form
 * that works whatever the host.
 */
final class SdkCalls {
  private final ClientSdks sdks;

  /** @param sdks null when no module of this gateway generates SDKs */
  SdkCalls(ClientSdks sdks) {
    this.sdks = sdks;
  }

  /** {@code GetSdkTypes}: none when SDKs are not generated here. */
  List<JsonNode> types() {
    List<JsonNode> types = new ArrayList<>();
    if (sdks != null) {
      sdks.types().forEach(type -> types.add(view(type)));
    }
    return types;
  }

  ObjectNode type(String id) throws ApiError {
    return (sdks == null ? List.<SdkType>of() : sdks.types()).stream().filter(type -> type.id().equals(id))
        .findFirst().map(SdkCalls::view)
        .orElseThrow(() -> ApiError.notFound("Invalid SDK type identifier specified: " + id));
  }

  /**
   * {@code GetSdk}: the zip, named {@code {apiId}_{stage}_{sdkType}.zip}; its query parameters are the SDK's
   * parameters. A wrong type or parameter is a {@code 400}, too many generations at once a {@code 429}, one over
   * the time limit a {@code 503}, and a generator failure a {@code 500} (the gateway's log has the cause).
   */
  GatewayResponse sdk(GatewayRequest request, ApiConfig api, Stage stage, String sdkType, String region)
      throws ApiError, JsonProcessingException {
    if (sdks == null) {
      throw ApiError.badRequest("SDK generation is not available in this gateway (it has no module that "
          + "generates SDKs)");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    request.query().forEach((name, values) -> parameters.put(name, values.get(0)));
    Deployment deployment = api.deployment(stage.deploymentId()).orElseThrow();
    ObjectNode definition = new Exporter(deployment.api(), Exporter.Format.SWAGGER, Set.of())
        .export(deployment, stage.stageName(), region);
    String host = request.host() == null || request.host().isEmpty() ? "localhost:" + request.localPort()
        : request.host();
    String basePath = request.mountPath() + "/restapis/" + api.id() + "/" + stage.stageName() + "/_user_request_";
    definition.put("host", host);
    definition.put("basePath", basePath);
    definition.putArray("schemes").add(request.scheme());
    String definitionKey = api.id() + "/" + deployment.id() + "/" + stage.stageName() + " " + request.scheme()
        + "://" + host + basePath;
    byte[] zip;
    try {
      zip = sdks.generate(sdkType, parameters, definitionKey, Views.JSON.writeValueAsBytes(definition)).get();
    } catch (ExecutionException e) {
      throw failure(sdkType, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("The gateway is stopping");
    }
    Headers headers = new Headers()
        .add("Content-Type", "application/octet-stream")
        .add("Content-Disposition", "attachment; filename=\"" + api.id() + "_" + stage.stageName() + "_" + sdkType
            + ".zip\"");
    return new GatewayResponse(200, headers, Body.of(zip));
  }

  private static ApiError failure(String sdkType, Throwable cause) {
    if (cause instanceof IllegalArgumentException) {
      return ApiError.badRequest(cause.getMessage());
    }
    if (cause instanceof RejectedExecutionException) {
      return ApiError.tooManyRequests("Too many SDKs are being generated at once; try again later");
    }
    if (cause instanceof TimeoutException) {
      return ApiError.unavailable("Generating the " + sdkType + " SDK took too long and was cancelled; "
          + "try again later");
    }
    return ApiError.internal("The " + sdkType + " SDK could not be generated from this stage's definition (the "
        + "gateway's log has the generator's error)");
  }

  /** An {@code SdkType} in AWS's shape. */
  private static ObjectNode view(SdkType type) {
    ObjectNode node = Views.JSON.createObjectNode();
    node.put("id", type.id());
    node.put("friendlyName", type.friendlyName());
    node.put("description", type.description());
    for (Property property : type.configurationProperties()) {
      ObjectNode item = node.withArray("configurationProperties").addObject();
      item.put("name", property.name());
      item.put("friendlyName", property.friendlyName());
      item.put("description", property.description());
      item.put("required", property.required());
      if (property.defaultValue() != null) {
        item.put("defaultValue", property.defaultValue());
      }
    }
    node.withArray("configurationProperties");
    return node;
  }
}
