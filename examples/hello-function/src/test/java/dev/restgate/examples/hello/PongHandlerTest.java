package dev.restgate.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PongHandlerTest {

  @Test
  void answersPongAsJson() {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/pong");

    APIGatewayProxyResponseEvent response = new PongHandler().handleRequest(event, new TestContext());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsExactlyEntriesOf(Map.of("Content-Type", "application/json"));
    assertThat(response.getBody()).isEqualTo("{\"pong\":true}");
  }

  @Test
  void answersTheSameToAnEmptyEvent() {
    APIGatewayProxyResponseEvent response = new PongHandler().handleRequest(new APIGatewayProxyRequestEvent(), new TestContext());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody()).isEqualTo("{\"pong\":true}");
  }
}
