package dev.restgate.lambda;

import dev.restgate.config.GatewayConfig;
import dev.restgate.config.LambdaConfig;
import dev.restgate.lambda.internal.api.InvokeApiEndpoint;
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
 * Lambda for the gateway, configured by {@code lambda} in the gateway configuration. It registers
 *
 * <ul>
 *   <li>the {@link dev.restgate.spi.LambdaInvoker}: local functions ({@code lambda.functions}) by name first, run
 *       in-process as the AWS Java runtime runs them; any other function through the AWS SDK's Lambda client
 *       ({@code lambda.region}, {@code lambda.endpoint}, {@code lambda.credentials}, else the default chain);
 *   <li>a {@link dev.restgate.spi.ServiceEndpoint} serving the Lambda Invoke API for the local functions, so AWS
 *       SDKs and the AWS CLI can invoke them with an endpoint override.
 * </ul>
 *
 * <p>Local functions carry the gateway's region and account in their ARNs. {@link #start} fails with every problem
 * of the {@code lambda} settings listed, including handlers that cannot be loaded. Not for concurrent start/close.
 */
public final class LambdaModule implements GatewayModule {
  private LocalFunctions functions;
  private SdkLambdaInvoker remote;

  @Override
  public String name() {
    return "lambda";
  }

  @Override
  public void start(ModuleContext context) throws ProblemsException {
    GatewayConfig config = context.config();
    LambdaConfig lambda = config.lambda() == null ? LambdaConfig.NONE : config.lambda();
    String region = config.region() == null ? GatewayConfig.DEFAULT_REGION : config.region();
    String accountId = config.accountId() == null ? GatewayConfig.DEFAULT_ACCOUNT_ID : config.accountId();
    String source = config.source() == null ? null : config.source().toString();

    List<Problem> problems = new ArrayList<>(LambdaClients.check(lambda, source));
    LocalFunctions loaded = null;
    try {
      loaded = LocalFunctions.load(config, region, accountId, context.clock());
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      if (loaded != null) {
        loaded.close();
      }
      throw new ProblemsException("Invalid Lambda configuration", problems);
    }
    functions = loaded;
    remote = LambdaClients.invoker(lambda, region);
    context.registerService(LambdaInvoker.class, new RoutingLambdaInvoker(functions, remote));
    context.registerEndpoint(new InvokeApiEndpoint(functions, region, accountId));
  }

  /** Stops the local functions (their threads and class loaders) and closes the Lambda client. */
  @Override
  public void close() {
    if (functions != null) {
      functions.close();
      functions = null;
    }
    if (remote != null) {
      remote.close();
      remote = null;
    }
  }
}
