package dev.restgate.internal.integration;

import dev.restgate.http.GatewayResponse;
import dev.restgate.internal.context.TraceIds;
import dev.restgate.internal.lambdaproxy.ProxyEventWriter;
import dev.restgate.internal.lambdaproxy.ProxyResponseReader;
import dev.restgate.internal.lambdaproxy.StreamedResponseReader;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.MethodArn;
import dev.restgate.spi.PlaceholderTemplate;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AWS_PROXY}: the request becomes a version 1.0 Lambda proxy event, the function runs synchronously, and its
 * answer is validated and returned as API Gateway does. With {@code responseTransferMode: STREAM} the function is
 * invoked with {@code InvokeWithResponseStream} and its answer reaches the client as it is written.
 */
final class LambdaProxyIntegration implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaProxyIntegration.class);

  private final LambdaInvoker invoker;
  private final PlaceholderTemplate function;
  private final PlaceholderTemplate qualifier;
  private final ProxyEventWriter events;
  private final ProxyResponseReader responses;
  /** Reads streamed answers; null when the integration's response is buffered. */
  private final StreamedResponseReader streamedResponses;
  private final Duration timeout;
  private final MethodArn arns;
  private final String resourcePath;
  private final String fixedSourceArn;

  /**
   * @param function the function ARN, maybe with {@code ${stageVariables.x}}
   * @param qualifier the alias or version, maybe templated, or null
   * @param httpMethod the method's verb; {@code ANY} takes the request's for the source ARN
   * @param streamedResponses the reader of streamed answers, or null when the response is buffered
   */
  LambdaProxyIntegration(LambdaInvoker invoker, PlaceholderTemplate function, PlaceholderTemplate qualifier,
      ProxyEventWriter events, ProxyResponseReader responses, StreamedResponseReader streamedResponses,
      Duration timeout, MethodArn arns, String httpMethod, String resourcePath) {
    this.invoker = invoker;
    this.function = function;
    this.qualifier = qualifier;
    this.events = events;
    this.responses = responses;
    this.streamedResponses = streamedResponses;
    this.timeout = timeout;
    this.arns = arns;
    this.resourcePath = resourcePath;
    this.fixedSourceArn = "ANY".equals(httpMethod) ? null : arns.of(httpMethod, resourcePath);
  }

  @Override
  public GatewayResponse handle(Exchange exchange) throws Exception {
    String traceId = TraceIds.of(exchange);
    byte[] event = events.write(exchange, traceId);
    String target = function.render(exchange);
    String version = qualifier == null ? null : qualifier.render(exchange);
    if (version != null && version.isEmpty()) {
      version = null;
    }
    // The source ARN names the resource, not the request path: it is what Lambda permissions are written against.
    String sourceArn = fixedSourceArn != null ? fixedSourceArn : arns.of(exchange.request().method(), resourcePath);
    LambdaInvoker.Invocation invocation = new LambdaInvoker.Invocation(target, version, event, timeout, sourceArn);
    try {
      if (streamedResponses != null) {
        return streamedResponses.read(invoker.invokeWithResponseStream(invocation), traceId);
      }
      return responses.read(invoker.invoke(invocation), exchange.request(), traceId);
    } catch (LambdaInvokeException e) {
      throw failure(e, target, version);
    }
  }

  private static GatewayException failure(LambdaInvokeException e, String target, String version) {
    if (e.reason() == LambdaInvokeException.Reason.TIMEOUT) {
      return new GatewayException(GatewayResponseType.INTEGRATION_TIMEOUT);
    }
    LOG.warn("Execution failed due to configuration error: Lambda invocation of {}{} failed: {} {}",
        target, version == null ? "" : ":" + version, e.reason(), e.getMessage());
    return new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR, "Internal server error", 500);
  }
}
