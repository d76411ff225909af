package dev.restgate.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.http.Body;
import dev.restgate.http.Headers;
import dev.restgate.testing.TestExchanges;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every source of an AWS parameter expression, evaluated against one request. */
class ParameterExpressionTest {
  private static final String BODY = "{\"petstore\":{\"pets\":[{\"name\":\"rex\",\"age\":3,\"tags\":[\"a\"]}]},"
      + "\"ok\":true}";

  private static Exchange exchange() {
    Exchange exchange = TestExchanges.request()
        .method("POST")
        .query("tag=x&tag=y&q=hello%20world")
        .header("X-Many", "one").header("X-Many", "two")
        .header("Content-Type", "application/json")
        .body(BODY)
        .resource("r1", "/pets/{id}", Map.of("id", "a%2Fb"))
        .stageVariables(Map.of("backend", "http://b"), null)
        .build();
    exchange.authorizer(new AuthorizerContext("user-7", Map.of("tier", "gold"), Map.of("email", "e@x"), 5L, null));
    return exchange;
  }

  private static String evaluate(String expression) throws GatewayException {
    return ParameterExpression.parse(expression).evaluate(exchange());
  }

  @Test
  void requestParametersAreRawLastOrAllValues() throws Exception {
    assertThat(evaluate("method.request.path.id")).isEqualTo("a%2Fb");
    assertThat(evaluate("method.request.querystring.tag")).isEqualTo("y");
    assertThat(evaluate("method.request.querystring.q")).isEqualTo("hello world");
    assertThat(evaluate("method.request.multivaluequerystring.tag")).isEqualTo("x,y");
    assertThat(evaluate("method.request.header.X-Many")).isEqualTo("two");
    assertThat(evaluate("method.request.multivalueheader.X-Many")).isEqualTo("one,two");
    assertThat(ParameterExpression.parse("method.request.multivaluequerystring.tag").values(exchange()))
        .containsExactly("x", "y");
    assertThat(ParameterExpression.parse("method.request.header.X-Many").values(exchange())).containsExactly("two");
    assertThat(evaluate("method.request.querystring.absent")).isNull();
    assertThat(ParameterExpression.parse("method.request.header.absent").values(exchange())).isEmpty();
  }

  @Test
  void bodyExpressionsReadTheWholeBodyOrAJsonPathOfIt() throws Exception {
    assertThat(evaluate("method.request.body")).isEqualTo(BODY);
    assertThat(evaluate("method.request.body.petstore.pets[0].name")).isEqualTo("rex");
    assertThat(evaluate("method.request.body.petstore.pets[0].age")).isEqualTo("3");
    assertThat(evaluate("method.request.body.ok")).isEqualTo("true");
    assertThat(evaluate("method.request.body.petstore.pets[0].tags")).isEqualTo("[\"a\"]");
    assertThat(evaluate("method.request.body.petstore.pets[0]"))
        .isEqualTo("{\"name\":\"rex\",\"age\":3,\"tags\":[\"a\"]}");
    assertThat(evaluate("method.request.body.petstore.cats")).isNull();
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequestForJsonPathsOnly() throws Exception {
    Exchange exchange = TestExchanges.request().method("POST").body("not json").build();

    assertThat(ParameterExpression.parse("method.request.body").evaluate(exchange)).isEqualTo("not json");
    assertThatThrownBy(() -> ParameterExpression.parse("method.request.body.name").evaluate(exchange))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.type()).isEqualTo(GatewayResponseType.BAD_REQUEST_BODY);
          assertThat(e.errorMessage()).isEqualTo("Invalid JSON in request body");
        });
  }

  @Test
  void contextStageVariablesAndLiterals() throws Exception {
    assertThat(evaluate("context.requestId")).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    assertThat(evaluate("context.accountId")).isEqualTo(TestExchanges.ACCOUNT_ID);
    assertThat(evaluate("context.resourcePath")).isEqualTo("/pets/{id}");
    assertThat(evaluate("context.httpMethod")).isEqualTo("POST");
    assertThat(evaluate("context.authorizer.principalId")).isEqualTo("user-7");
    assertThat(evaluate("context.authorizer.tier")).isEqualTo("gold");
    assertThat(evaluate("context.authorizer.claims.email")).isEqualTo("e@x");
    assertThat(evaluate("context.identity.sourceIp")).isEqualTo("203.0.113.7");
    assertThat(evaluate("context.nonsense")).isNull();
    assertThat(evaluate("stageVariables.backend")).isEqualTo("http://b");
    assertThat(evaluate("stageVariables.absent")).isNull();
    assertThat(evaluate("'static value'")).isEqualTo("static value");
  }

  @Test
  void expressionsOfNoKnownFormAreRefusedWithTheFormsAllowed() {
    for (String bad : List.of("method.request.cookie.a", "context.", "request.header.x", "'unclosed",
        "method.request.body.[")) {
      assertThatThrownBy(() -> ParameterExpression.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Invalid mapping expression specified: " + bad);
    }
  }

  @Test
  void sourceAndNameTellWhatAnExpressionReads() {
    ParameterExpression header = ParameterExpression.parse("method.request.header.Authorization");
    assertThat(header.source()).isEqualTo(ParameterExpression.Source.HEADER);
    assertThat(header.name()).isEqualTo("Authorization");
    assertThat(ParameterExpression.parse("method.request.body").name()).isNull();
    assertThat(ParameterExpression.parse("stageVariables.x").source())
        .isEqualTo(ParameterExpression.Source.STAGE_VARIABLE);
  }

  @Test
  void responseExpressionsReadTheEndpointResponse() throws Exception {
    Exchange exchange = exchange();
    assertThat(ParameterExpression.parseResponse("integration.response.header.X-Backend").evaluate(exchange))
        .isNull();
    Headers headers = new Headers();
    headers.add("X-Backend", "a").add("X-Backend", "b");
    exchange.endpointResponse(new EndpointResponse(200, headers, Body.of("{\"id\":7,\"tags\":[\"x\"]}"), null));

    assertThat(ParameterExpression.parseResponse("integration.response.header.X-Backend").evaluate(exchange))
        .isEqualTo("b");
    assertThat(ParameterExpression.parseResponse("integration.response.multivalueheader.X-Backend")
        .evaluate(exchange)).isEqualTo("a,b");
    assertThat(ParameterExpression.parseResponse("integration.response.multivalueheader.X-Backend")
        .values(exchange)).containsExactly("a", "b");
    assertThat(ParameterExpression.parseResponse("integration.response.body").evaluate(exchange))
        .isEqualTo("{\"id\":7,\"tags\":[\"x\"]}");
    assertThat(ParameterExpression.parseResponse("integration.response.body.id").evaluate(exchange)).isEqualTo("7");
    assertThat(ParameterExpression.parseResponse("integration.response.body.tags").evaluate(exchange))
        .isEqualTo("[\"x\"]");
    assertThat(ParameterExpression.parseResponse("'static'").evaluate(exchange)).isEqualTo("static");
    assertThat(ParameterExpression.parseResponse("context.authorizer.principalId").evaluate(exchange))
        .isEqualTo("user-7");

    exchange.endpointResponse(new EndpointResponse(200, null, Body.of("not json"), null));
    assertThat(ParameterExpression.parseResponse("integration.response.body.id").evaluate(exchange)).isNull();
  }

  @Test
  void requestAndResponseSourcesStayOnTheirSide() {
    assertThatThrownBy(() -> ParameterExpression.parse("integration.response.header.X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParameterExpression.parseResponse("method.request.header.X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("integration.response.{header|multivalueheader}.NAME");
  }
}
