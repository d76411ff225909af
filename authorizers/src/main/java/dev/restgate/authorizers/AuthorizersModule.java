package dev.restgate.authorizers;

import dev.restgate.authorizers.jwt.JwksCache;
import dev.restgate.authorizers.jwt.JwtVerifier;
import dev.restgate.authorizers.sigv4.SigV4Verifier;
import dev.restgate.config.GatewayConfig;
import dev.restgate.http.Body;
import dev.restgate.http.Headers;
import dev.restgate.spi.AuthorizerCaches;
import dev.restgate.spi.EndpointRequest;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.OutboundHttp;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.ServiceCallAuthorizer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Access control for the gateway. For each configuration it compiles the {@code identities} (SigV4 credentials and
 * their IAM policies) and registers
 *
 * <ul>
 *   <li>the {@link AccessControl} the {@link AccessPluginFactory} builds each method's check with;
 *   <li>the {@link ServiceCallAuthorizer} that checks signed calls to the gateway's service endpoints (the Lambda
 *       Invoke API).
 * </ul>
 *
 * <p>Lambda authorizer results and user pool key sets are cached for the gateway's lifetime, so a configuration
 * swap keeps them.
 */
public final class AuthorizersModule implements GatewayModule {
  private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_JWKS_BYTES = 1 << 20;

  private final ExecutorService keyLoader = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "restgate-jwks");
    thread.setDaemon(true);
    return thread;
  });
  private AuthorizerResults authorizerResults;
  private JwksCache keys;

  @Override
  public String name() {
    return "authorizers";
  }

  @Override
  public void configure(ModuleContext context) throws ProblemsException {
    GatewayConfig config = context.config();
    Clock clock = context.clock();
    if (keys == null) {
      OutboundHttp http = context.service(OutboundHttp.class).orElseThrow();
      keys = new JwksCache(uri -> fetch(http, uri), keyLoader, clock, JwksCache.Settings.DEFAULTS);
      authorizerResults = new AuthorizerResults(clock);
    }
    Identities identities;
    try {
      identities = Identities.compile(config.section(IdentitiesConfig.class).orElse(IdentitiesConfig.NONE)
          .identities(), new SigV4Verifier(clock), config.region());
    } catch (IllegalArgumentException e) {
      String source = config.source() == null ? null : config.source().toString();
      throw new ProblemsException("Invalid identities", List.of(new Problem(source, "/identities", e.getMessage())));
    }
    CognitoConfig cognito = config.section(CognitoConfig.class).orElse(CognitoConfig.NONE);
    context.registerService(AccessControl.class, new AccessControl(identities, cognito, keys,
        new JwtVerifier(keys, clock), authorizerResults, clock));
    context.registerService(ServiceCallAuthorizer.class, new SignedCalls(identities, clock));
    AuthorizerResults results = authorizerResults;
    context.registerService(AuthorizerCaches.class, (apiId, stage) -> results.flush(apiId + '/' + stage + '/'));
  }

  private static String fetch(OutboundHttp http, URI uri) throws IOException {
    Headers headers = new Headers(2);
    headers.add("Accept", "application/json");
    EndpointResponse response;
    try {
      response = http.send(new EndpointRequest("GET", uri, headers, Body.empty()), JWKS_TIMEOUT, true);
    } catch (TimeoutException e) {
      throw new IOException("no answer within " + JWKS_TIMEOUT.toSeconds() + " s", e);
    }
    try (Body body = response.body()) {
      if (response.status() != 200) {
        throw new IOException("HTTP " + response.status());
      }
      if (body.length() > MAX_JWKS_BYTES) {
        throw new IOException("the key set has " + body.length() + " bytes, more than " + MAX_JWKS_BYTES);
      }
      return new String(body.bytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    keyLoader.shutdownNow();
  }
}
