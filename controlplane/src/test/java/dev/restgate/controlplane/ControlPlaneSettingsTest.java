package dev.restgate.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.ConfigFiles;
import dev.restgate.testing.EmbeddedGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;

/** The {@code controlPlane} section: the management API below a path prefix, or not served at all. */
class ControlPlaneSettingsTest {
  @TempDir
  Path dir;

  private EmbeddedGateway start(String controlPlane) throws Exception {
    Files.writeString(dir.resolve("pets.yaml"), """
        openapi: 3.0.1
        info: {title: pets, version: "1"}
        paths: {}
        """);
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]
        %s
        identities:
        %s""".formatted(controlPlane, Operators.OPERATOR));
    return EmbeddedGateway.start(ConfigLoader.standard(getClass().getClassLoader()).load(config),
        dir.resolve("data"), getClass().getClassLoader());
  }

  private static ApiGatewayClient client(String endpoint) {
    return Operators.client(endpoint, Operators.ACCESS_KEY, Operators.SECRET);
  }

  @Test
  void belowAPathPrefixTheRootServesNoManagementCalls() throws Exception {
    EmbeddedGateway gateway = start("controlPlane: {pathPrefix: /admin}");
    try (ApiGatewayClient prefixed = client("http://127.0.0.1:" + gateway.port() + "/admin");
        ApiGatewayClient root = client("http://127.0.0.1:" + gateway.port())) {
      assertThat(prefixed.getRestApis(r -> { }).items()).extracting(api -> api.id()).containsExactly("petstore01");
      assertThatThrownBy(() -> root.getRestApis(r -> { })).isInstanceOfSatisfying(ApiGatewayException.class,
          e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException"));
    } finally {
      gateway.close();
    }
  }

  @Test
  void turnedOffNoCallReachesIt() throws Exception {
    assertRootServesNoManagementCalls("controlPlane: {enabled: false}");
  }

  @Test
  void onAnotherPortThePublicListenerServesNoManagementCalls() throws Exception {
    assertRootServesNoManagementCalls("controlPlane: {port: 1}");
  }

  private void assertRootServesNoManagementCalls(String controlPlane) throws Exception {
    EmbeddedGateway gateway = start(controlPlane);
    try (ApiGatewayClient root = client("http://127.0.0.1:" + gateway.port())) {
      assertThatThrownBy(() -> root.getRestApis(r -> { })).isInstanceOfSatisfying(ApiGatewayException.class,
          e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException"));
    } finally {
      gateway.close();
    }
  }

  @Test
  void aPrefixMustBeAPath() {
    assertThat(new ConfigFiles(dir).messages("controlPlane: {pathPrefix: admin/}\n"))
        .containsOnlyKeys("/controlPlane/pathPrefix");
  }
}
