package dev.restgate.internal.integration;

import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.internal.lambdaproxy.ProxyEventWriter;
import dev.restgate.internal.lambdaproxy.ProxyResponseReader;
import dev.restgate.internal.lambdaproxy.StreamedResponseReader;
import dev.restgate.model.Integration;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaUri;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.PlaceholderTemplate;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds {@link LambdaProxyIntegration}s on the Lambda invoker a module registered. */
public final class LambdaProxyIntegrationFactory implements IntegrationFactory {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaProxyIntegrationFactory.class);

  @Override
  public Set<String> types() {
    return Set.of("AWS_PROXY");
  }

  @Override
  public Handler create(MethodSite site) {
    Integration integration = site.method().methodIntegration();
    LambdaUri function = LambdaUri.parse(integration.uri());
    int timeout = integration.effectiveTimeoutMillis();
    if (integration.streams() != LambdaUri.isStreaming(integration.uri())) {
      throw new IllegalArgumentException(integration.streams()
          ? "Invalid ResponseTransferMode. ResponseTransferMode STREAM is only supported for Lambda functions "
              + "invoked by InvokeWithResponseStream for AWS_PROXY integrations."
          : "Invalid ResponseTransferMode. ResponseTransferMode BUFFERED is only supported for Lambda functions "
              + "invoked by Invoke for AWS_PROXY integrations.");
    }
    if (!"POST".equalsIgnoreCase(integration.httpMethod())) {
      // AWS accepts the definition and fails every call: Lambda is only invoked with POST.
      LOG.warn("{} {} {}: AWS_PROXY integrations must use httpMethod POST, not {}; the method answers 500",
          site.api().id(), site.method().httpMethod(), site.resource().path(), integration.httpMethod());
      return exchange -> {
        throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR, "Internal server error", 500);
      };
    }
    LambdaInvoker invoker = site.service(LambdaInvoker.class).orElseThrow(() -> new IllegalArgumentException(
        "AWS_PROXY needs a Lambda invoker, and none is registered: put the lambda module on the class path"));
    BinaryMediaTypes binary = BinaryMediaTypes.of(site.api().binaryMediaTypes());
    return new LambdaProxyIntegration(invoker, PlaceholderTemplate.stageVariables(function.function()),
        function.qualifier() == null ? null : PlaceholderTemplate.stageVariables(function.qualifier()),
        new ProxyEventWriter(binary), new ProxyResponseReader(binary),
        integration.streams() ? new StreamedResponseReader() : null, Duration.ofMillis(timeout),
        site.methodArn(), site.method().httpMethod(), site.resource().path());
  }
}
