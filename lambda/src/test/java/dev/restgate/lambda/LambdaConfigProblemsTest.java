package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.invoke;
import static dev.restgate.lambda.LocalFunctionTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.lambda.CredentialsConfig;
import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad {@code lambda} settings fail the start, every problem listed with where it is. */
class LambdaConfigProblemsTest {
  private final Fixtures fixtures = Fixtures.get();

  @Test
  void everyProblemIsListedWithItsPointer() {
    Path dir = fixtures.classesDirectory;
    LambdaConfig lambda = new LambdaConfig(null, "not a url", new CredentialsConfig("AKID", null, null), List.of(
        function("echo", "fixture.Echo", dir),
        function("bad name!", "fixture.Echo", dir),
        function("echo", "fixture.Echo", dir),
        function("missing", "fixture.Missing", dir),
        function("plain", "fixture.NotAHandler", dir),
        function("absent", "fixture.Methods::absent", dir),
        function("raw", "fixture.RawHandler", dir),
        function("broken", "fixture.BrokenConstructor", dir),
        function("nocode", "fixture.Echo", dir.resolve("nowhere")),
        new FunctionConfig("slow", "fixture.Echo", dir, 901, 64, Map.of(), null, Isolation.IN_PROCESS, 0, null),
        function("spaced", "fixture.Echo is here", dir)), true, null, null);
    Path source = Path.of("conf", "gateway.yaml");
    LambdaModule module = new LambdaModule();

    assertThatThrownBy(() -> module.configure(new TestModuleContext(TestModuleContext.gatewayConfig(lambda, source),
        Clock.systemUTC())))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems()).containsExactly(
            problem("/lambda/endpoint", "endpoint is not a URL: Illegal character in path at index 3: not a url"),
            problem("/lambda/credentials", "credentials need both accessKeyId and secretAccessKey; leave credentials"
                + " out to use the default chain"),
            problem("/lambda/functions/1/functionName",
                "functionName must be 1 to 64 letters, digits, hyphens or underscores, was 'bad name!'"),
            problem("/lambda/functions/2/functionName", "functionName 'echo' is used by more than one function"),
            problem("/lambda/functions/3/handler", "function missing: Class not found: fixture.Missing"),
            problem("/lambda/functions/4/handler",
                "function plain: Class does not implement an appropriate handler interface: fixture.NotAHandler"),
            problem("/lambda/functions/5/handler", "function absent: No public method named absent with appropriate "
                + "method signature found on class fixture.Methods"),
            problem("/lambda/functions/6/handler",
                "function raw: Class fixture.RawHandler does not implement RequestHandler with concrete type parameters"),
            problem("/lambda/functions/7/handler",
                "function broken: Error loading class fixture.BrokenConstructor: missing TABLE_NAME"),
            problem("/lambda/functions/8/codeUri", "codeUri " + dir.resolve("nowhere") + " does not exist"),
            problem("/lambda/functions/9/timeout", "timeout must be 1 to 900 seconds, was 901"),
            problem("/lambda/functions/9/memorySize", "memorySize must be 128 to 10240 MB, was 64"),
            problem("/lambda/functions/10/handler",
                "handler must be com.example.Handler or com.example.Handler::method, was 'fixture.Echo is here'")));
  }

  @Test
  void relativeCodeUriIsResolvedAgainstTheConfigurationFile() throws Exception {
    Path source = fixtures.classesDirectory.getParent().resolve("gateway.yaml");
    LambdaConfig lambda = LocalFunctionTests.lambda(function("shout", "fixture.Shout", Path.of("classes")));
    TestModuleContext context = new TestModuleContext(TestModuleContext.gatewayConfig(lambda, source),
        Clock.systemUTC());
    new LambdaModule().configure(context);
    try {
      assertThat(text(invoke(context.invoker(), "shout", "\"hi\"").payload())).isEqualTo("\"HI!\"");
    } finally {
      context.close();
    }
  }

  @Test
  void unsetTimeoutAndMemoryTakeTheAwsDefaults() throws Exception {
    LambdaConfig lambda = LocalFunctionTests.lambda(
        new FunctionConfig("context", "fixture.ContextReport", fixtures.classesDirectory, 0, 0, null, null,
            Isolation.IN_PROCESS, 0, null));
    TestModuleContext context = new TestModuleContext(lambda, Clock.systemUTC());
    new LambdaModule().configure(context);
    try {
      assertThat(text(invoke(context.invoker(), "context", "{}").payload())).contains("\"memoryLimitInMB\":128");
    } finally {
      context.close();
    }
  }

  private static Problem problem(String pointer, String message) {
    return new Problem(Path.of("conf", "gateway.yaml").toString(), pointer, message);
  }
}
