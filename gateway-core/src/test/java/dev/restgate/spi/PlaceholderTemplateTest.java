package dev.restgate.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.testing.TestExchanges;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parser of stage variable and path parameter placeholders, in its three dialects. */
class PlaceholderTemplateTest {
  private static Exchange exchange() {
    return TestExchanges.request()
        .resource("r1", "/files/{path+}", Map.of("path", "a/b c"))
        .stageVariables(Map.of("host", "backend.test", "fn", "orders"), null)
        .build();
  }

  @Test
  void uriPlaceholdersTakePathParametersRawAndStageVariables() throws Exception {
    PlaceholderTemplate uri = PlaceholderTemplate.uri("http://${stageVariables.host}/store/{path+}?v=1", Map.of());

    assertThat(uri.render(exchange())).isEqualTo("http://backend.test/store/a/b c?v=1");
    assertThat(uri.isLiteral()).isFalse();
    assertThat(uri.placeholders()).extracting(ParameterExpression::expression)
        .containsExactly("stageVariables.host", "method.request.path.path");
  }

  @Test
  void aPathMappingReplacesThePathParameterOfTheSameName() throws Exception {
    PlaceholderTemplate uri = PlaceholderTemplate.uri("http://x/{item}",
        Map.of("item", ParameterExpression.parse("stageVariables.fn")));

    assertThat(uri.render(exchange())).isEqualTo("http://x/orders");
  }

  @Test
  void givenPathValuesWinOverTheirPlaceholdersExpressions() throws Exception {
    PlaceholderTemplate uri = PlaceholderTemplate.uri("http://x/{item}/{path+}",
        Map.of("item", ParameterExpression.parse("stageVariables.fn")));

    assertThat(uri.render(exchange(), Map.of("item", "overridden"))).isEqualTo("http://x/overridden/a/b c");
    assertThat(uri.render(exchange(), Map.of("path", "p"))).isEqualTo("http://x/orders/p");
  }

  @Test
  void stageVariableTextLeavesBracesAloneAndRendersAbsentVariablesEmpty() throws Exception {
    PlaceholderTemplate arn = PlaceholderTemplate.stageVariables(
        "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}{x}${stageVariables.none}");

    assertThat(arn.render(exchange())).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders{x}");
    assertThat(PlaceholderTemplate.stageVariables("plain").isLiteral()).isTrue();
  }

  @Test
  void gatewayResponseTemplatesReplaceContextAndStageVariablesInBothForms() throws Exception {
    Exchange exchange = exchange();
    exchange.error(new GatewayException(GatewayResponseType.THROTTLED));
    PlaceholderTemplate template = PlaceholderTemplate.gatewayResponse(
        "{\"m\":$context.error.messageString,\"t\":\"${context.error.responseType}\",\"h\":\"$stageVariables.host\","
            + "\"cost\":\"$5\",\"v\":\"$velocity.thing\"}");

    assertThat(template.render(exchange)).isEqualTo("{\"m\":\"Too Many Requests\",\"t\":\"THROTTLED\","
        + "\"h\":\"backend.test\",\"cost\":\"$5\",\"v\":\"$velocity.thing\"}");
  }

  @Test
  void anUnclosedPlaceholderIsRefused() {
    assertThatThrownBy(() -> PlaceholderTemplate.uri("http://x/{id", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> PlaceholderTemplate.stageVariables("fn:${stageVariables.x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed");
  }
}
