package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.importText;
import static dev.restgate.openapi.Imports.method;
import static dev.restgate.openapi.Imports.paths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.spi.ApiImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example of docs/openapi-import.md imports as the page says. */
class DocumentationExampleTest {

  @Test
  void theDocumentedExampleImportsCleanly() throws Exception {
    String page = Files.readString(Path.of("../docs/openapi-import.md"));
    Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(page);
    assertThat(yaml.find()).as("the page has a YAML example").isTrue();

    ApiImporter.Result result = importText(yaml.group(1));

    assertThat(result.warnings()).isEmpty();
    assertThat(paths(result.api())).containsExactly("/", "/pets", "/pets/{petId}");
    assertThat(method(result.api(), "/pets/{petId}", "GET").methodIntegration().requestParameters())
        .containsEntry("integration.request.path.id", "method.request.path.petId");
  }
}
