package dev.restgate.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloHandlerTest {
  private final TestContext context = new TestContext();

  @Test
  void echoesWhatApiGatewaySentAsJson() throws Exception {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withPath("/pets/7")
        .withResource("/pets/{id}")
        .withPathParameters(Map.of("id", "7"))
        .withQueryStringParameters(Map.of("name", "Ada"))
        .withMultiValueQueryStringParameters(Map.of("name", List.of("Bob", "Ada")))
        .withStageVariables(Map.of("alias", "live"))
        .withRequestContext(new ProxyRequestContext().withStage("prod"))
        .withBody("{\"a\":1}");

    APIGatewayProxyResponseEvent response = new HelloHandler().handleRequest(event, context);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    JsonNode body = new ObjectMapper().readTree(response.getBody());
    assertThat(body.path("greeting").asText()).isEqualTo("Hello, Ada!");
    assertThat(body.path("method").asText()).isEqualTo("POST");
    assertThat(body.path("path").asText()).isEqualTo("/pets/7");
    assertThat(body.path("resource").asText()).isEqualTo("/pets/{id}");
    assertThat(body.path("pathParameters").path("id").asText()).isEqualTo("7");
    assertThat(body.path("query").path("name").asText()).isEqualTo("Ada");
    assertThat(body.path("multiValueQuery").path("name").toString()).isEqualTo("[\"Bob\",\"Ada\"]");
    assertThat(body.path("stageVariables").path("alias").asText()).isEqualTo("live");
    assertThat(body.path("stage").asText()).isEqualTo("prod");
    assertThat(body.path("body").asText()).isEqualTo("{\"a\":1}");
  }

  @Test
  void greetsTheWorldAndEchoesNullsWhenTheEventIsEmpty() throws Exception {
    APIGatewayProxyResponseEvent response = new HelloHandler().handleRequest(new APIGatewayProxyRequestEvent(), context);

    JsonNode body = new ObjectMapper().readTree(response.getBody());
    assertThat(body.path("greeting").asText()).isEqualTo("Hello, world!");
    assertThat(body.path("query").isNull()).isTrue();
    assertThat(body.path("stage").isNull()).isTrue();
    assertThat(body.path("body").isNull()).isTrue();
  }

  @Test
  void takesTheNameFromThePathWhenTheQueryHasNone() throws Exception {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withPathParameters(Map.of("name", "Grace"));

    APIGatewayProxyResponseEvent response = new HelloHandler().handleRequest(event, context);

    assertThat(new ObjectMapper().readTree(response.getBody()).path("greeting").asText()).isEqualTo("Hello, Grace!");
  }

  @Test
  void logsTheRequestLineThroughTheLambdaLogger() {
    new HelloHandler().handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/hi"), context);

    assertThat(context.logged).containsExactly("Hello handler saw GET /hi");
  }
}
