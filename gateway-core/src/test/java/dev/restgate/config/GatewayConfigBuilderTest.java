package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.model.Deployment;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigBuilderTest {
  private static RestApi api(String id) {
    return new RestApi(id, "Pets", null, null, null, null, null, null, null, null, null, null,
        List.of(new Resource("root", null, null, "/", Map.of())), null, null, null, null, null, null);
  }

  @Test
  void builderStartsFromTheDefaults() {
    GatewayConfig config = GatewayConfig.builder().build();

    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.accountId()).isEqualTo("123456789012");
    assertThat(config.restApis()).isEmpty();
    assertThat(config.sections()).isEmpty();
    assertThat(config.source()).isNull();
  }

  @Test
  void apiWithStagesGetsOneDeploymentTheStagesPointAt() {
    GatewayConfig config = GatewayConfig.builder().region("eu-west-1").restApi(api("abcdefghij"), "prod", "beta")
        .build();

    ApiConfig apiConfig = config.restApi("abcdefghij").orElseThrow();
    Deployment deployment = apiConfig.deployments().get(0);
    assertThat(deployment.api()).isEqualTo(api("abcdefghij"));
    assertThat(deployment.id()).matches("[a-z0-9]{6}");
    assertThat(apiConfig.stages()).extracting(Stage::stageName).containsExactly("prod", "beta");
    assertThat(apiConfig.stage("beta").orElseThrow().deploymentId()).isEqualTo(deployment.id());
    assertThat(config.region()).isEqualTo("eu-west-1");
  }

  @Test
  void nullPartsOfTheRecordAreDefaults() {
    GatewayConfig config = new GatewayConfig(null, null, null, null, null, null);

    assertThat(config).isEqualTo(GatewayConfig.builder().build());
  }

  @Test
  void stagePointingAtAnUnknownDeploymentIsRefused() {
    Deployment deployment = new Deployment("aaaaaa", null, Instant.EPOCH, api("abcdefghij"));
    Stage stage = new Stage("prod", "bbbbbb", null, null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> new ApiConfig("abcdefghij", List.of(deployment), List.of(stage)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage prod names deployment bbbbbb, which the API does not have");
  }

  @Test
  void sectionsAreFoundByTheirType() {
    StoreConfig store = new StoreConfig("postgresql", "jdbc:postgresql://db/gw", "gw", "s3cret");
    GatewayConfig config = GatewayConfig.builder().section(StoreConfig.class, store).build();

    assertThat(config.section(StoreConfig.class)).containsSame(store);
    assertThat(config.section(String.class)).isEmpty();
  }

  @Test
  void secretsAreLeftOutOfToString() {
    assertThat(new StoreConfig("postgresql", "jdbc:postgresql://db/gw", "gw", "s3cret").toString())
        .doesNotContain("s3cret");
  }
}
