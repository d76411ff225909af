package dev.restgate.launcher.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannerTest {
  private static final Path DATA = Path.of("/srv/restgate-data");

  @Test
  void exampleBannerShowsBothInvokeUrlFormsAndCurlCommands() {
    List<String> lines = Banner.lines("1.2.3", 8080, "virtual threads", DATA.resolve("example/gateway.yaml"), DATA,
        true);

    assertThat(lines.get(0))
        .isEqualTo("Restgate 1.2.3 is running on http://localhost:8080 with Java " + Runtime.version().feature()
            + " and virtual threads.");
    assertThat(lines).contains(
        "Configuration: /srv/restgate-data/example/gateway.yaml (the bundled example)",
        "  http://exampleapi.execute-api.localhost:8080/prod/",
        "  http://localhost:8080/restapis/exampleapi/prod/_user_request_/",
        "  curl -H 'Host: exampleapi.execute-api.localhost' http://localhost:8080/prod/hello",
        "  curl http://localhost:8080/restapis/exampleapi/prod/_user_request_/pets",
        "  curl http://localhost:8080/_health");
    assertThat(String.join("\n", lines)).contains("copy /srv/restgate-data/example elsewhere");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Press Ctrl-C to stop.");
  }

  @Test
  void configuredBannerExplainsTheInvokeUrlsWithoutExampleCommands() {
    List<String> lines = Banner.lines("1.2.3", 9000, "virtual threads", Path.of("/etc/gateway.yaml"), DATA, false);

    assertThat(lines).contains(
        "Configuration: /etc/gateway.yaml",
        "Invoke URLs: http://localhost:9000/restapis/{apiId}/{stage}/_user_request_/{path}",
        "Health check: curl http://localhost:9000/_health");
    assertThat(lines).noneMatch(line -> line.contains("exampleapi"));
  }
}
