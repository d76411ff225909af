package dev.restgate.lambda;

import dev.restgate.lambda.internal.FunctionReference;
import dev.restgate.lambda.internal.async.AsyncInvocations;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunction;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.RequestIds;
import java.util.Optional;

/**
 * The gateway's {@link LambdaInvoker}: a function whose name (from a name or any ARN, whatever its region and
 * account) is a local function runs locally (in its worker processes, or in-process); every other function is
 * invoked through the Lambda API.
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
    Optional<LocalFunction> function = reference.flatMap(r -> local.find(r.name()));
    if (function.isEmpty()) {
      return remote.invoke(invocation);
    }
    Execution execution = function.get().invoke(request(invocation, reference.get()), invocation.timeout());
    return new Result(execution.payload(), execution.functionError(), LocalFunction.VERSION, null);
  }

  /** A local function's event goes to its durable queue, as {@code Event} invocations of the Invoke API do. */
  @Override
  public void invokeAsync(Invocation invocation) throws LambdaInvokeException {
    Optional<FunctionReference> reference = FunctionReference.parse(invocation.function());
    Optional<LocalFunction> function = reference.flatMap(r -> local.find(r.name()));
    if (function.isEmpty()) {
      remote.invokeAsync(invocation);
      return;
    }
    async.enqueue(function.get(), request(invocation, reference.get()));
  }

  private static InvocationRequest request(Invocation invocation, FunctionReference reference) {
    String qualifier = invocation.qualifier() != null ? invocation.qualifier() : reference.qualifier();
    return new InvocationRequest(RequestIds.requestId(), qualifier, invocation.payload(), null);
  }
}
