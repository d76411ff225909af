package dev.restgate.internal.integration;

import dev.restgate.http.GatewayResponse;
import dev.restgate.internal.context.TraceIds;
import dev.restgate.internal.lambdaproxy.ProxyEventWriter;
import dev.restgate.internal.lambdaproxy.ProxyResponseReader;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.RouteMatch;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AWS_PROXY}: the request becomes a version 1.0 Lambda proxy event, the function runs synchronously, and its
 * answer is validated and returned as API Gateway does.
 */
final class LambdaProxyIntegration implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaProxyIntegration.class);

  private final LambdaInvoker invoker;
  private final LambdaUri function;
  private final boolean templated;
  private final ProxyEventWriter events;
  private final ProxyResponseReader responses;
  private final Duration timeout;
  private final String sourceArnPrefix;

  LambdaProxyIntegration(LambdaInvoker invoker, LambdaUri function, ProxyEventWriter events,
      ProxyResponseReader responses, Duration timeout, String sourceArnPrefix) {
    this.invoker = invoker;
    this.function = function;
    this.templated = function.function().contains("${") || (function.qualifier() != null
        && function.qualifier().contains("${"));
    this.events = events;
    this.responses = responses;
    this.timeout = timeout;
    this.sourceArnPrefix = sourceArnPrefix;
  }

  @Override
  public GatewayResponse handle(Exchange exchange) throws Exception {
    RouteMatch route = exchange.route();
    String traceId = TraceIds.newTraceId(exchange.requestTime(), ThreadLocalRandom.current());
    byte[] event = events.write(exchange, traceId);
    LambdaUri target = templated ? resolve(route) : function;
    String sourceArn = sourceArnPrefix + route.stage().stageName() + "/" + exchange.request().method()
        + route.resource().path();
    LambdaInvoker.Result result;
    try {
      result = invoker.invoke(new LambdaInvoker.Invocation(target.function(), target.qualifier(), event, timeout,
          sourceArn));
    } catch (LambdaInvokeException e) {
      throw failure(e, target);
    }
    return responses.read(result, exchange.request(), traceId);
  }

  private LambdaUri resolve(RouteMatch route) {
    String qualifier = function.qualifier() == null ? null : StageVariables.expand(function.qualifier(), route);
    return new LambdaUri(StageVariables.expand(function.function(), route),
        qualifier == null || qualifier.isEmpty() ? null : qualifier);
  }

  private static GatewayException failure(LambdaInvokeException e, LambdaUri target) {
    if (e.reason() == LambdaInvokeException.Reason.TIMEOUT) {
      return new GatewayException(GatewayResponseType.INTEGRATION_TIMEOUT);
    }
    LOG.warn("Execution failed due to configuration error: Lambda invocation of {}{} failed: {} {}",
        target.function(), target.qualifier() == null ? "" : ":" + target.qualifier(), e.reason(), e.getMessage());
    return new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR, "Internal server error", 500);
  }
}
