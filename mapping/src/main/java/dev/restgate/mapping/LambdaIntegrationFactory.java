package dev.restgate.mapping;

import dev.restgate.model.Integration;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaUri;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.PlaceholderTemplate;
import dev.restgate.spi.RequestParameterMappings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AWS} integrations with Lambda: the non-proxy Lambda integration
 * ({@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations}). Other AWS services are
 * not served: such a method answers 500 and the log says so, as for any integration the gateway does not have.
 */
public final class LambdaIntegrationFactory implements IntegrationFactory {
  static final String TYPE = "AWS";
  /** The integration request header that makes an invocation asynchronous when it maps to {@code 'Event'}. */
  static final String INVOCATION_TYPE = "X-Amz-Invocation-Type";
  private static final Logger LOG = LoggerFactory.getLogger(LambdaIntegrationFactory.class);

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  /** Whether {@code integration} is one this factory serves: an {@code AWS} integration with a Lambda function. */
  static boolean isLambda(Integration integration) {
    try {
      LambdaUri.parse(integration.uri());
      return true;
    } catch (IllegalArgumentException notLambda) {
      return false;
    }
  }

  @Override
  public Handler create(MethodSite site) {
    Integration integration = site.method().methodIntegration();
    String method = site.method().httpMethod() + " " + site.resource().path();
    if (!isLambda(integration)) {
      LOG.warn("{} {}: AWS integrations with services other than Lambda ({}) are not available in this gateway; "
          + "the method answers 500", site.api().id(), method, integration.uri());
      return unavailable();
    }
    if (!"POST".equalsIgnoreCase(integration.httpMethod())) {
      LOG.warn("{} {}: Lambda integrations must use httpMethod POST, not {}; the method answers 500",
          site.api().id(), method, integration.httpMethod());
      return unavailable();
    }
    LambdaInvoker invoker = site.service(LambdaInvoker.class).orElseThrow(() -> new IllegalArgumentException(
        "Lambda integrations need a Lambda invoker, and none is registered: put the lambda module on the class path"));
    LambdaUri function = LambdaUri.parse(integration.uri());
    ParameterExpression invocationType = RequestParameterMappings.parse(integration.requestParameters()).headers()
        .entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(INVOCATION_TYPE))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    return new LambdaIntegration(invoker, PlaceholderTemplate.stageVariables(function.function()),
        function.qualifier() == null ? null : PlaceholderTemplate.stageVariables(function.qualifier()),
        invocationType, Duration.ofMillis(integration.effectiveTimeoutMillis()),
        site.methodArn().of(site.method().httpMethod(), site.resource().path()));
  }

  private static Handler unavailable() {
    return exchange -> {
      throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
    };
  }
}
