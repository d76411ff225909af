package dev.restgate.authorizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.authorizers.iam.Decision;
import dev.restgate.authorizers.iam.Policy;
import dev.restgate.spi.AuthorizerCall;
import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.LambdaEvents;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.PlaceholderTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code authorizationType: CUSTOM}: a Lambda authorizer of type {@code TOKEN} or {@code REQUEST}, as AWS runs it.
 * A resource policy that explicitly denies the caller refuses first, before the function runs. Identity sources
 * that are missing or empty (for {@code TOKEN} always, for {@code REQUEST} when results are cached), or a token that
 * fails {@code identityValidationExpression}, answer 401 without invoking the function. A result is cached by the
 * identity source values and re-evaluated against each method's ARN; the function failing with
 * {@code Unauthorized} answers 401, any other failure, a timeout or malformed output 500
 * {@code AuthorizerConfigurationException}, and nothing of those is cached. Whether the function ran or the cache
 * answered goes on {@code Exchange.authorizerCall} for metrics.
 */
final class LambdaAuthorizerCheck implements CallerCheck {
  /** How long the gateway waits for an authorizer function; AWS does not document its own limit. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(LambdaAuthorizerCheck.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean token;
  private final String name;
  private final LambdaInvoker invoker;
  private final LambdaEvents events;
  private final PlaceholderTemplate function;
  private final PlaceholderTemplate qualifier;
  private final String sourceArn;
  private final List<ParameterExpression> identitySources;
  private final Pattern validation;
  private final Duration ttl;
  private final String scope;
  private final AuthorizerResults results;
  private final Policy resourcePolicy;
  private final Clock clock;
  private final AuthorizerCall invoked;
  private final AuthorizerCall cached;

  /**
   * @param token true for {@code TOKEN}, false for {@code REQUEST}
   * @param identitySources for {@code TOKEN} exactly one header
   * @param validation {@code identityValidationExpression} ({@code TOKEN} only), or null
   * @param ttl how long results are cached; zero disables caching
   * @param scope the start of this authorizer's cache keys: stage, authorizer and a fingerprint of its definition
   * @param resourcePolicy the API's resource policy, or null
   */
  LambdaAuthorizerCheck(boolean token, String name, LambdaInvoker invoker, LambdaEvents events,
      PlaceholderTemplate function,
      PlaceholderTemplate qualifier, String sourceArn, List<ParameterExpression> identitySources, Pattern validation,
      Duration ttl, String scope, AuthorizerResults results, Policy resourcePolicy, Clock clock) {
    this.token = token;
    this.name = name;
    this.invoker = invoker;
    this.events = events;
    this.function = function;
    this.qualifier = qualifier;
    this.sourceArn = sourceArn;
    this.identitySources = List.copyOf(identitySources);
    this.validation = validation;
    this.ttl = ttl;
    this.scope = scope;
    this.results = results;
    this.resourcePolicy = resourcePolicy;
    this.clock = clock;
    this.invoked = new AuthorizerCall(name, false);
    this.cached = new AuthorizerCall(name, true);
  }

  @Override
  public void check(Exchange exchange, String methodArn) throws GatewayException {
    ResourcePolicyCheck.refuseExplicitDeny(resourcePolicy, exchange, methodArn, clock);
    List<String> identity = identityValues(exchange);
    String functionName = function.render(exchange);
    String functionQualifier = qualifier == null ? null : qualifier.render(exchange);
    boolean caching = !ttl.isZero();
    String key = caching ? cacheKey(functionName, functionQualifier, identity) : null;
    AuthorizerResult result = caching ? results.get(key) : null;
    Long latency = null;
    if (result == null) {
      long start = System.nanoTime();
      // Counted as an invocation even when the function fails: it ran (or was asked to).
      exchange.authorizerCall(invoked);
      result = invoke(exchange, methodArn, functionName, functionQualifier, identity);
      latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
      if (caching) {
        results.put(key, result, ttl);
      }
    } else {
      exchange.authorizerCall(cached);
    }
    Decision decision = result.policy().evaluate(Refusals.facts(exchange, methodArn, null, clock));
    if (decision != Decision.ALLOW) {
      throw Refusals.authorizerDenied(decision == Decision.EXPLICIT_DENY);
    }
    exchange.authorizer(new AuthorizerContext(result.principalId(), result.context(), null, latency,
        result.usageIdentifierKey()));
  }

  /** The identity source values, or 401 when one the authorizer needs is missing. */
  private List<String> identityValues(Exchange exchange) throws GatewayException {
    List<String> values = new ArrayList<>(identitySources.size());
    for (ParameterExpression source : identitySources) {
      String value = source.evaluate(exchange);
      boolean missing = value == null || value.isEmpty();
      if (missing && (token || !ttl.isZero())) {
        throw Refusals.unauthorized();
      }
      values.add(missing ? "" : value);
    }
    if (token && validation != null && !validation.matcher(values.get(0)).matches()) {
      throw Refusals.unauthorized();
    }
    return values;
  }

  private String cacheKey(String functionName, String functionQualifier, List<String> identity) {
    StringBuilder key = new StringBuilder(scope).append(functionName).append(':').append(functionQualifier);
    for (String value : identity) {
      key.append('\u0000').append(value);
    }
    return key.toString();
  }

  private AuthorizerResult invoke(Exchange exchange, String methodArn, String functionName, String functionQualifier,
      List<String> identity) throws GatewayException {
    byte[] event = token ? tokenEvent(identity.get(0), methodArn) : events.requestAuthorizerEvent(exchange, methodArn);
    LambdaInvoker.Result answer;
    try {
      answer = invoker.invoke(new LambdaInvoker.Invocation(functionName, functionQualifier, event, TIMEOUT,
          sourceArn));
    } catch (LambdaInvokeException e) {
      LOG.warn("Authorizer {}: function {} could not be invoked ({}): {}", name, functionName, e.reason(),
          e.getMessage());
      throw Refusals.authorizerConfigurationError();
    }
    JsonNode output;
    try {
      output = JSON.readTree(answer.payload());
    } catch (IOException e) {
      output = null;
    }
    if (answer.functionError() != null) {
      JsonNode message = output == null ? null : output.get("errorMessage");
      if (message != null && "Unauthorized".equals(message.asText())) {
        throw Refusals.unauthorized();
      }
      LOG.warn("Authorizer {}: function {} failed: {}", name, functionName,
          message == null ? answer.functionError() : message.asText());
      throw Refusals.authorizerConfigurationError();
    }
    try {
      return AuthorizerResult.parse(output);
    } catch (IllegalArgumentException e) {
      LOG.warn("Authorizer {}: execution failed due to configuration error: could not parse the result of {}: {}",
          name, functionName, e.getMessage());
      throw Refusals.authorizerConfigurationError();
    }
  }

  private static byte[] tokenEvent(String token, String methodArn) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "TOKEN");
    event.put("authorizationToken", token);
    event.put("methodArn", methodArn);
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }
}
