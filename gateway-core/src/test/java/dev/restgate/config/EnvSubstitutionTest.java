package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.restgate.spi.Problem;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvSubstitutionTest {
  @TempDir Path dir;

  private final Map<String, String> environment = Map.of("DB_USER", "gateway", "DB_PASSWORD", "s3cret",
      "EMPTY", "", "HOST", "db.internal");

  @Test
  void referencesInStringValuesAreReplaced() throws Exception {
    GatewayConfig config = new ConfigFiles(dir, environment).load("""
        store:
          type: postgresql
          url: "jdbc:postgresql://${env:HOST}:${env:DB_PORT:-5432}/gateway"
          username: ${env:DB_USER}
          password: ${env:DB_PASSWORD}
        """);

    assertThat(config.section(StoreConfig.class).orElseThrow())
        .isEqualTo(new StoreConfig("postgresql", "jdbc:postgresql://db.internal:5432/gateway", "gateway", "s3cret"));
  }

  @Test
  void defaultAppliesToUnsetAndEmptyVariablesAsInAShell() throws Exception {
    GatewayConfig config = new ConfigFiles(dir, environment).load("""
        region: ${env:EMPTY:-eu-central-1}
        accountId: ${env:ACCOUNT:-111122223333}
        """);

    assertThat(config.region()).isEqualTo("eu-central-1");
    assertThat(config.accountId()).isEqualTo("111122223333");
  }

  @Test
  void unsetVariableWithoutDefaultIsAProblemAtItsValue() {
    assertThat(new ConfigFiles(dir, environment).problems("""
        store: {type: postgresql, url: "jdbc:postgresql://${env:DB_HOST}/gw"}
        """)).containsExactly(new Problem(dir.resolve("gateway.yaml").toString(), "/store/url",
            "environment variable DB_HOST is not set; set it, or give a default with ${env:DB_HOST:-default}"));
  }

  @Test
  void doubledDollarKeepsTheReferenceLiterally() throws Exception {
    GatewayConfig config = new ConfigFiles(dir, environment).load("""
        store: {type: postgresql, url: "jdbc:postgresql://db/gw", password: "$${env:DB_PASSWORD}"}
        """);

    assertThat(config.section(StoreConfig.class).orElseThrow().password()).isEqualTo("${env:DB_PASSWORD}");
  }

  @Test
  void malformedReferencesAreProblems() {
    assertThat(new ConfigFiles(dir, environment).problems("""
        identities:
          - {accessKeyId: "${env:1BAD}", secretAccessKey: "${env:DB_PASSWORD", arn: x}
        """)).extracting(Problem::pointer, Problem::message)
        .startsWith(
            tuple("/identities/0/accessKeyId", "\"1BAD\" in \"${env:1BAD}\" is not "
                + "an environment variable name; use letters, digits and '_', not starting with a digit"),
            tuple("/identities/0/secretAccessKey", "has an unclosed "
                + "\"${env:DB_PASSWORD\"; write ${env:NAME} or ${env:NAME:-default}, or $${env: for the literal text"));
  }

  @Test
  void substitutedValuesStayStrings() {
    ConfigFiles files = new ConfigFiles(dir, Map.of("ENABLED", "true"));
    files.write("pets.yaml", ConfigFiles.PETS);
    assertThat(files.problems("""
        restApis: [{body: pets.yaml, stages: [{stageName: prod, cacheClusterEnabled: "${env:ENABLED}"}]}]
        """)).extracting(Problem::pointer).containsExactly("/restApis/0/stages/0/cacheClusterEnabled");
  }
}
