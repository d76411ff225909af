package dev.restgate.testing;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ModuleContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test module whose Lambda invoker runs scripted functions: tests register a function under a unique name and
 * inspect the events it received. Registered for core's own tests only.
 */
public final class ScriptedLambdaModule implements GatewayModule {
  private static final Map<String, Function> FUNCTIONS = new ConcurrentHashMap<>();
  private static final Map<String, StreamingFunction> STREAMING = new ConcurrentHashMap<>();

  /** A scripted function. */
  @FunctionalInterface
  public interface Function {
    LambdaInvoker.Result invoke(LambdaInvoker.Invocation invocation) throws LambdaInvokeException;
  }

  /** A scripted function whose answer streams. */
  @FunctionalInterface
  public interface StreamingFunction {
    LambdaInvoker.Streamed invoke(LambdaInvoker.Invocation invocation) throws LambdaInvokeException;
  }

  /** Makes {@code function} answer the streaming invocations of {@code name}. */
  public static void registerStreaming(String name, StreamingFunction function) {
    STREAMING.put(name, function);
  }

  /** Makes {@code function} answer invocations of {@code name}. */
  public static void register(String name, Function function) {
    FUNCTIONS.put(name, function);
  }

  @Override
  public String name() {
    return "scripted-lambda";
  }

  @Override
  public void configure(ModuleContext context) {
    context.registerService(LambdaInvoker.class, new LambdaInvoker() {
      @Override
      public Result invoke(Invocation invocation) throws LambdaInvokeException {
        return function(invocation).invoke(invocation);
      }

      @Override
      public Streamed invokeWithResponseStream(Invocation invocation) throws LambdaInvokeException {
        StreamingFunction streaming = STREAMING.get(name(invocation));
        return streaming != null ? streaming.invoke(invocation)
            : LambdaInvoker.super.invokeWithResponseStream(invocation);
      }

      /** Runs the function on a thread of its own, as Lambda runs an event it queued. */
      @Override
      public void invokeAsync(Invocation invocation) throws LambdaInvokeException {
        Function scripted = function(invocation);
        CompletableFuture.runAsync(() -> {
          try {
            scripted.invoke(invocation);
          } catch (LambdaInvokeException e) {
            throw new IllegalStateException(e);
          }
        });
      }
    });
  }

  private static Function function(LambdaInvoker.Invocation invocation) throws LambdaInvokeException {
    String function = invocation.function();
    Function scripted = FUNCTIONS.get(name(invocation));
    if (scripted == null) {
      throw new LambdaInvokeException(LambdaInvokeException.Reason.FUNCTION_NOT_FOUND,
          "Function not found: " + function, null);
    }
    return scripted;
  }

  private static String name(LambdaInvoker.Invocation invocation) {
    String function = invocation.function();
    return function.substring(function.lastIndexOf(':') + 1);
  }
}
