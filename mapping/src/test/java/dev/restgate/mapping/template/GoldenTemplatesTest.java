package dev.restgate.mapping.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.Exchange;
import dev.restgate.testing.TestExchanges;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases, one folder each under {@code src/test/resources/vtl}: {@code template.vm}, {@code request.json}
 * (the method request: {@code method}, {@code resource}, {@code pathParameters}, {@code query}, {@code headers},
 * {@code body}, {@code stageVariables}, {@code authorizer}; and {@code input}, the payload when it is not the
 * request's body) and {@code expected.txt}, the exact output (a final line break of either file does not count),
 * or {@code expected.json} for JSON output whose layout is not the point.
 */
class GoldenTemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenTemplatesTest.class.getResource("/vtl").toURI());
    return Files.list(root).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsAwsDoes(Path folder) throws Exception {
    JsonNode request = JSON.readTree(folder.resolve("request.json").toFile());
    String body = request.path("body").asText("");
    TestExchanges builder = TestExchanges.request().method(request.path("method").asText("GET"))
        .resource("r1", request.path("resource").asText("/"), strings(request.path("pathParameters")))
        .stageVariables(strings(request.path("stageVariables")), null)
        .body(body);
    if (request.has("query")) {
      builder.query(request.get("query").asText());
    }
    request.path("headers").properties().forEach(h -> builder.header(h.getKey(), h.getValue().asText()));
    Exchange exchange = builder.build();
    if (request.has("authorizer")) {
      JsonNode authorizer = request.get("authorizer");
      exchange.authorizer(new AuthorizerContext(authorizer.path("principalId").asText(null),
          strings(authorizer.path("context")), strings(authorizer.path("claims")), null, null));
    }
    String input = request.has("input") ? request.get("input").asText() : body;

    String rendered = VtlTemplate.compile(Files.readString(folder.resolve("template.vm"))).render(exchange, input);

    Path json = folder.resolve("expected.json");
    if (Files.exists(json)) {
      assertThat(JSON.readTree(rendered)).isEqualTo(JSON.readTree(json.toFile()));
    } else {
      assertThat(trimmed(rendered)).isEqualTo(trimmed(Files.readString(folder.resolve("expected.txt"))));
    }
  }

  private static String trimmed(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }
}
