package dev.restgate.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.PlaceholderTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lambda non-proxy method's call: the function gets the rendered request template (or the method request's
 * body; an empty one as <code>{}</code>) as its event. Its answer is the endpoint response, with status 200 even
 * when the function failed: then the {@code errorMessage} of its error selects the integration response. When the
 * {@code X-Amz-Invocation-Type} integration request header maps to {@code 'Event'}, the function gets the event
 * asynchronously and the method answers at once, from its default integration response.
 */
final class LambdaIntegration implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaIntegration.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LambdaInvoker invoker;
  private final PlaceholderTemplate function;
  private final PlaceholderTemplate qualifier;
  private final ParameterExpression invocationType;
  private final Duration timeout;
  private final String sourceArn;

  /**
   * @param invocationType the mapping of the {@code X-Amz-Invocation-Type} integration request header, or null
   */
  LambdaIntegration(LambdaInvoker invoker, PlaceholderTemplate function, PlaceholderTemplate qualifier,
      ParameterExpression invocationType, Duration timeout, String sourceArn) {
    this.invoker = invoker;
    this.function = function;
    this.qualifier = qualifier;
    this.invocationType = invocationType;
    this.timeout = timeout;
    this.sourceArn = sourceArn;
  }

  @Override
  public GatewayResponse handle(Exchange exchange) throws Exception {
    MappedRequest mapped = exchange.get(MappedRequest.KEY);
    byte[] event = mapped == null || mapped.text().isBlank()
        ? "{}".getBytes(StandardCharsets.UTF_8) : mapped.body();
    String target = function.render(exchange);
    String version = qualifier == null ? null : qualifier.render(exchange);
    if (version != null && version.isEmpty()) {
      version = null;
    }
    LambdaInvoker.Invocation invocation = new LambdaInvoker.Invocation(target, version, event, timeout, sourceArn);
    boolean async = invocationType != null && "Event".equals(invocationType.evaluate(exchange));
    LambdaInvoker.Result result;
    try {
      if (async) {
        invoker.invokeAsync(invocation);
        exchange.endpointResponse(new EndpointResponse(202, new Headers(0), Body.empty(), null));
        return new GatewayResponse(202, new Headers(0), Body.empty());
      }
      result = invoker.invoke(invocation);
    } catch (LambdaInvokeException e) {
      if (e.reason() == LambdaInvokeException.Reason.TIMEOUT) {
        throw new GatewayException(GatewayResponseType.INTEGRATION_TIMEOUT);
      }
      LOG.warn("{}: Execution failed due to configuration error: Lambda invocation of {}{} failed: {} {}",
          exchange.requestId(), target, version == null ? "" : ":" + version, e.reason(), e.getMessage());
      throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
    Headers headers = new Headers(1);
    headers.set("Content-Type", MediaTypes.JSON);
    String errorMessage = result.functionError() == null ? null : errorMessage(result.payload());
    exchange.endpointResponse(new EndpointResponse(200, headers, Body.of(result.payload()), errorMessage));
    return new GatewayResponse(200, new Headers(0), Body.empty());
  }

  /** The {@code errorMessage} of a function error's payload; empty when it has none. */
  private static String errorMessage(byte[] payload) {
    try {
      JsonNode message = JSON.readTree(payload).path("errorMessage");
      return message.isMissingNode() || message.isNull() ? "" : message.asText();
    } catch (IOException notJson) {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }
}
