package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client context a caller passed in {@code X-Amz-Client-Context}: base64 of
 * {@code {"client":{"installation_id",...},"custom":{...},"env":{...}}}, as the AWS mobile SDKs send it.
 */
public record LocalClientContext(Client getClient, Map<String, String> getCustom, Map<String, String> getEnvironment)
    implements ClientContext {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Decodes the header value.
   *
   * @throws IllegalArgumentException when it is not base64 of a JSON object
   */
  public static LocalClientContext decode(String headerValue) {
    JsonNode root;
    try {
      root = JSON.readTree(Base64.getDecoder().decode(headerValue.trim()));
    } catch (IOException e) {
      throw new IllegalArgumentException("client context is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("client context is not a JSON object");
    }
    JsonNode client = root.path("client");
    Client app = client.isObject()
        ? new App(text(client, "installation_id"), text(client, "app_title"), text(client, "app_version_name"),
            text(client, "app_version_code"), text(client, "app_package_name"))
        : null;
    return new LocalClientContext(app, strings(root.path("custom")), strings(root.path("env")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, String> strings(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
    }
    return values;
  }

  /** The calling application, as the mobile SDKs describe it. */
  record App(String getInstallationId, String getAppTitle, String getAppVersionName, String getAppVersionCode,
      String getAppPackageName) implements Client {}
}
