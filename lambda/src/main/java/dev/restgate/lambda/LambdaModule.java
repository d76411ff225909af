package dev.restgate.lambda;

import dev.restgate.config.GatewayConfig;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.lambda.internal.api.InvokeApiEndpoint;
import dev.restgate.lambda.internal.async.AsyncInvocations;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.lambda.internal.sdk.LambdaClients;
import dev.restgate.lambda.internal.sdk.SdkLambdaInvoker;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda for the gateway, configured by {@code lambda} in the gateway configuration. For each configuration it
 * registers
 *
 * <ul>
 *   <li>the {@link LambdaInvoker}: local functions ({@code lambda.functions}) by name first, run in worker processes
 *       behind the Lambda Runtime API as AWS runs them (or, for Java, in-process); any other function through the
 *       AWS SDK's Lambda client ({@code lambda.region},
 *       {@code lambda.endpoint}, {@code lambda.credentials}, else the default chain);
 *   <li>the durable queue of asynchronous ({@code Event}) invocations of the local functions, with Lambda's retries
 *       and on-failure destinations;
 *   <li>a {@link dev.restgate.spi.ServiceEndpoint} serving the Lambda Invoke API for the local functions, so AWS
 *       SDKs and the AWS CLI can invoke them with an endpoint override.
 * </ul>
 *
 * <p>Local functions carry the gateway's region and account in their ARNs. Each configuration loads its functions
 * and builds its Lambda client; both are released with the configuration. {@link #configure} fails with every
 * problem of the {@code lambda} settings listed, including handlers that cannot be loaded.
 */
public final class LambdaModule implements GatewayModule {
  static {
    // The JDK's HTTP server, which serves each worker's Runtime API, writes an answer's head and body apart; without
    // TCP_NODELAY every small answer then waits for the worker's delayed ACK (about 40 ms, twice per invocation).
    // Set before any worker starts; the launcher sets it too, since its example pet store uses that server earlier.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  @Override
  public String name() {
    return "lambda";
  }

  @Override
  public void configure(ModuleContext context) throws ProblemsException {
    GatewayConfig config = context.config();
    LambdaConfig lambda = config.section(LambdaConfig.class).orElse(LambdaConfig.NONE);
    String source = config.source() == null ? null : config.source().toString();

    List<Problem> problems = new ArrayList<>(LambdaClients.check(lambda, source));
    LocalFunctions functions = null;
    try {
      functions = LocalFunctions.load(lambda, config.source(), context.dataDirectory(), config.region(),
          config.accountId(), context.clock());
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      if (functions != null) {
        functions.close();
      }
      throw new ProblemsException("Invalid Lambda configuration", problems);
    }
    context.closeWithConfiguration(functions);
    // Closed before the functions (closing runs in reverse order), so running deliveries can finish.
    AsyncInvocations async = AsyncInvocations.start(lambda, functions, context.dataDirectory(), config.region(),
        config.accountId(), context.clock());
    context.closeWithConfiguration(async);
    SdkLambdaInvoker remote = LambdaClients.invoker(lambda, config.region());
    context.closeWithConfiguration(remote);
    context.registerService(LambdaInvoker.class, new RoutingLambdaInvoker(functions, async, remote));
    context.registerEndpoint(
        new InvokeApiEndpoint(functions, async, config.region(), config.accountId(), lambda.invokeApiSigned()));
  }
}
