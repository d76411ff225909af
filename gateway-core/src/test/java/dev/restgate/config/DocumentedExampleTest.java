package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in docs/configuration.md is a valid configuration, exactly as printed. */
class DocumentedExampleTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final Pattern FIRST_YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: Example, version: "1"}
      paths:
        /pets:
          get: {responses: {"200": {description: ok}}}
          post: {responses: {"201": {description: created}}}
        /pets/{petId}:
          get: {responses: {"200": {description: ok}}}
        /orders:
          get: {responses: {"200": {description: ok}}}
          post: {responses: {"201": {description: created}}}
        /orders/{orderId}:
          get: {responses: {"200": {description: ok}}}
      """;

  @TempDir Path dir;

  @Test
  void firstYamlBlockOfTheConfigurationPageLoads() throws Exception {
    Matcher block = FIRST_YAML_BLOCK.matcher(Files.readString(DOC));
    assertThat(block.find()).as("a ```yaml block in " + DOC).isTrue();
    String example = block.group(1);
    ConfigFiles files = new ConfigFiles(dir,
        Map.of("ACME_API_KEY", "acme-0123456789abcdefghij", "REPORTING_SECRET_KEY", "wJalrXUtnFEMI/K7MDENG"));
    JsonNode tree = new YAMLMapper().readTree(example);
    tree.findValuesAsText("body").forEach(body -> files.write(body, OPENAPI));
    tree.findValuesAsText("codeUri").forEach(codeUri -> files.write(codeUri, "a jar"));

    GatewayConfig config = files.load(example);

    assertThat(config.restApis()).hasSize(tree.path("restApis").size());
    assertThat(config.restApis()).allSatisfy(api -> assertThat(api.stages()).isNotEmpty());
    assertThat(config.usagePlanKeys()).hasSize(tree.path("usagePlanKeys").size());
  }
}
