package dev.restgate.war;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The gateway's behaviour with the WAR run as {@code java -jar gateway.war --config ...}. */
class StandaloneGatewayIT extends AbstractGatewayIT {
  private static StandaloneProcess server;

  @BeforeAll
  static void startServer() {
    server = StandaloneProcess.start(
        "--port", String.valueOf(FreePort.find()),
        "--config", ItSettings.config().toString(),
        "--data", ItSettings.dataRoot().resolve("standalone").toString())
        .awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  URI baseUri() {
    return server.baseUri();
  }
}
