package dev.restgate.lambda;

import dev.restgate.lambda.internal.FunctionReference;
import dev.restgate.lambda.internal.async.AsyncInvocations;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.FunctionVersions;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunction;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.RequestIds;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * The gateway's {@link LambdaInvoker}: a function whose name (from a name or any ARN, whatever its region and
 * account) is a local function runs locally (in its worker processes, or in-process), in the version its qualifier
 * selects; every other function is invoked through the Lambda API.
 */
final class RoutingLambdaInvoker implements LambdaInvoker {
  private final LocalFunctions local;
  private final AsyncInvocations async;
  private final LambdaInvoker remote;

  RoutingLambdaInvoker(LocalFunctions local, AsyncInvocations async, LambdaInvoker remote) {
    this.local = local;
    this.async = async;
    this.remote = remote;
  }

  @Override
  public Result invoke(Invocation invocation) throws LambdaInvokeException {
    Optional<FunctionReference> reference = FunctionReference.parse(invocation.function());
    Optional<FunctionVersions> function = reference.flatMap(r -> local.find(r.name()));
    if (function.isEmpty()) {
      return remote.invoke(invocation);
    }
    String qualifier = qualifier(invocation, reference.get());
    LocalFunction version = version(function.get(), reference.get(), qualifier);
    Execution execution = version.invoke(request(invocation, qualifier), invocation.timeout());
    return new Result(execution.payload(), execution.functionError(), version.version(), null);
  }

  /**
   * A local function answers as it writes when its runtime streams (a Runtime API response in streaming mode, or an
   * in-process handler's writes), else at once, whole.
   */
  @Override
  public Streamed invokeWithResponseStream(Invocation invocation) throws LambdaInvokeException {
    Optional<FunctionReference> reference = FunctionReference.parse(invocation.function());
    Optional<FunctionVersions> function = reference.flatMap(r -> local.find(r.name()));
    if (function.isEmpty()) {
      return remote.invokeWithResponseStream(invocation);
    }
    String qualifier = qualifier(invocation, reference.get());
    LocalFunction version = version(function.get(), reference.get(), qualifier);
    Execution execution = version.invoke(request(invocation, qualifier), invocation.timeout(), true);
    InputStream payload = execution.stream() != null ? execution.stream()
        : new ByteArrayInputStream(execution.payload());
    return new Streamed(payload, execution.functionError(), version.version());
  }

  /**
   * A local function's event goes to its durable queue, as {@code Event} invocations of the Invoke API do, with its
   * qualifier: each attempt runs the version the qualifier selects when it is delivered. A qualifier the function
   * lacks is refused here, as Lambda refuses it.
   */
  @Override
  public void invokeAsync(Invocation invocation) throws LambdaInvokeException {
    Optional<FunctionReference> reference = FunctionReference.parse(invocation.function());
    Optional<FunctionVersions> function = reference.flatMap(r -> local.find(r.name()));
    if (function.isEmpty()) {
      remote.invokeAsync(invocation);
      return;
    }
    String qualifier = qualifier(invocation, reference.get());
    // Refused now when the function lacks the qualifier; the queue resolves it again at each attempt.
    version(function.get(), reference.get(), qualifier);
    async.enqueue(reference.get().name(), request(invocation, qualifier));
  }

  /** The version {@code qualifier} selects; one the function lacks is not found, as Lambda answers it. */
  private static LocalFunction version(FunctionVersions function, FunctionReference reference, String qualifier)
      throws LambdaInvokeException {
    Optional<LocalFunction> version = function.select(qualifier);
    if (version.isEmpty()) {
      throw new LambdaInvokeException(LambdaInvokeException.Reason.FUNCTION_NOT_FOUND,
          "Function not found: local function " + reference.name() + " has no version or alias " + qualifier, null);
    }
    return version.get();
  }

  private static String qualifier(Invocation invocation, FunctionReference reference) {
    return invocation.qualifier() != null ? invocation.qualifier() : reference.qualifier();
  }

  private static InvocationRequest request(Invocation invocation, String qualifier) {
    return new InvocationRequest(RequestIds.requestId(), qualifier, invocation.payload(), null);
  }
}
