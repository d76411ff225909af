package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's behaviour with the WAR run as {@code java -jar gateway.war --config ...}. */
class StandaloneGatewayIT extends AbstractGatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** In Tomcat and a Jetty distribution these errors belong to the server, not to the web application. */
  @Test
  void requestsJettyRefusesBeforeTheGatewayGetJsonErrorsToo() throws IOException {
    for (String head : List.of("GET /restapis/%zz HTTP/1.1\r\nHost: localhost\r\n",
        "GET /x HTTP/1.1\r\nHost: bad host name\r\n", "GET /x HTTP/1.1\r\n")) {
      RawHttp.Response response = RawHttp.exchange(baseUri(), head + "Connection: close\r\n\r\n");

      assertThat(response.status()).as(head + response).isEqualTo(400);
      assertThat(response.header("Content-Type")).as(head + response).startsWith("application/json");
      assertThat(JSON.readTree(response.body())).as(head).isEqualTo(JSON.readTree("{\"message\":\"Bad Request\"}"));
    }
  }

  @Override
  URI baseUri() {
    return server.baseUri();
  }
}
