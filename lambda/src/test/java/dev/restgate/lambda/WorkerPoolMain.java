package dev.restgate.lambda;

import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * A gateway-like JVM for {@link ProcessIsolationTest}: it runs one Java function in a worker process, prints the
 * pids of its descendants, then waits to be killed.
 *
 * <p>Arguments: the fixture classes directory, the data directory.
 */
public final class WorkerPoolMain {
  private WorkerPoolMain() {}

  public static void main(String[] args) throws Exception {
    LocalFunctions functions = LocalFunctions.load(ProcessIsolationTest.lambda(ProcessIsolationTest.java("env",
        "fixture.Environment", Path.of(args[0]), 10, 1)), null, Path.of(args[1]), "us-east-1", "123456789012",
        Clock.systemUTC());
    functions.find("env").orElseThrow().select(null).orElseThrow().invoke(new InvocationRequest(
        UUID.randomUUID().toString(), null, "{}".getBytes(StandardCharsets.UTF_8), null), null);
    ProcessHandle.current().descendants().forEach(child -> System.out.println("worker " + child.pid()));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
