package dev.restgate.examples.hostrouting;

import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.MethodArn;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adds response headers whose values are AWS parameter expressions, and the ARN of the method the request called:
 *
 * <pre>
 * x-restgate-response-context:
 *   headers:
 *     X-Tenant: method.request.header.X-Tenant
 *     X-Stage: context.stage
 *   methodArnHeader: X-Method-Arn
 * </pre>
 *
 * Expressions are compiled when the API is deployed; an absent value adds no header. It runs in the EDGE phase, so
 * gateway errors carry the headers too.
 */
public final class ResponseContextPluginFactory implements PluginFactory<ResponseContextPluginFactory.Config> {

  /**
   * The extension's value.
   *
   * @param headers header name to parameter expression
   * @param methodArnHeader the header that gets the method ARN, or null for none
   */
  public record Config(Map<String, String> headers, String methodArnHeader) {}

  @Override
  public String name() {
    return "response-context";
  }

  @Override
  public Phase phase() {
    return Phase.EDGE;
  }

  @Override
  public String extension() {
    return "x-restgate-response-context";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Config config) {
    if (config == null) {
      return Optional.empty();
    }
    Map<String, ParameterExpression> headers = new LinkedHashMap<>();
    (config.headers() == null ? Map.<String, String>of() : config.headers()).forEach((name, expression) -> {
      ParameterExpression compiled = ParameterExpression.parse(expression);
      if (compiled.source() == ParameterExpression.Source.BODY) {
        throw new IllegalArgumentException(name + ": response headers cannot read the request body");
      }
      headers.put(name, compiled);
    });
    String arnHeader = config.methodArnHeader();
    MethodArn arns = site.methodArn();
    return Optional.of((exchange, next) -> {
      GatewayResponse response = next.handle(exchange);
      for (Map.Entry<String, ParameterExpression> header : headers.entrySet()) {
        String value = header.getValue().evaluate(exchange);
        if (value != null) {
          response.headers().set(header.getKey(), value);
        }
      }
      if (arnHeader != null) {
        response.headers().set(arnHeader, arns.of(exchange));
      }
      return response;
    });
  }
}
