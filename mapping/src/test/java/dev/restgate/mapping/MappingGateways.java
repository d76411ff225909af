package dev.restgate.mapping;

import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.testing.EmbeddedGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Gateways for the mapping tests: one API from an OpenAPI document, served on stage {@code prod}. */
final class MappingGateways {
  private MappingGateways() {}

  /**
   * Writes {@code openapi} and a {@code gateway.yaml} serving it as {@code apiId} into {@code dir}, loads them with
   * the importer and modules {@code loader} finds, and starts the gateway.
   */
  static EmbeddedGateway start(Path dir, String apiId, String openapi, Map<String, String> stageVariables,
      ClassLoader loader) throws Exception {
    Files.writeString(dir.resolve("openapi.yaml"), openapi);
    String variables = stageVariables.entrySet().stream()
        .map(v -> v.getKey() + ": \"" + v.getValue() + "\"").collect(Collectors.joining(", ", "{", "}"));
    Path file = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: %s
            body: openapi.yaml
            stages: [{stageName: prod, variables: %s}]
        """.formatted(apiId, variables));
    GatewayConfig config = ConfigLoader.standard(loader).load(file);
    return EmbeddedGateway.start(config, dir.resolve("data"), loader);
  }
}
