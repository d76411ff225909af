package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The WAR deployed into a real servlet container by the build (cargo), at context path {@code /}, with the test
 * configuration given as the system property {@code restgate.config}. What the gateway then does is checked by the
 * {@code *GatewayIT} classes.
 */
abstract class AbstractDeploymentIT {
  /** The container's name in the build's system properties: {@code tomcat} or {@code jetty}. */
  abstract String container();

  /** Fails unless the container's console output shows the WAR deployed at {@code /} and started. */
  abstract void assertStartedWithoutErrors(String containerLog);

  @Test
  void webApplicationAnswersAtTheRootContext() {
    URI health = ItSettings.containerUrl(container()).resolve("/_health");

    HttpResponse<String> response = Http.awaitAnswer(health, Duration.ofSeconds(60));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void containerStartedTheWebApplicationWithoutErrors() throws IOException {
    Http.awaitAnswer(ItSettings.containerUrl(container()).resolve("/_health"), Duration.ofSeconds(60));

    assertStartedWithoutErrors(Files.readString(ItSettings.containerLog(container())));
  }
}
