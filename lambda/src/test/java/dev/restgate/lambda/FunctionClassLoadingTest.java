package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.invoke;
import static dev.restgate.lambda.LocalFunctionTests.lambda;
import static dev.restgate.lambda.LocalFunctionTests.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.LambdaInvoker;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each function loads its own code first, except the aws-lambda-java-core interfaces, which are the gateway's. */
class FunctionClassLoadingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestModuleContext configuration;
  private static LambdaInvoker invoker;

  @BeforeAll
  static void start() throws Exception {
    Fixtures fixtures = Fixtures.get();
    TestModuleContext context = new TestModuleContext(lambda(
        function("bundling-loaders", "fixture.Loaders", fixtures.bundlingJar),
        function("bundling-context", "fixture.ContextReport", fixtures.bundlingJar),
        function("directory-loaders", "fixture.Loaders", fixtures.classesDirectory),
        function("counter-one", "fixture.Counter", fixtures.classesDirectory),
        function("counter-two", "fixture.Counter", fixtures.classesDirectory)), Clock.systemUTC());
    configuration = context;
    new LambdaModule().configure(context);
    invoker = context.invoker();
  }

  @AfterAll
  static void stop() throws Exception {
    configuration.close();
  }

  @Test
  void functionBundlingItsOwnLambdaCoreRunsWithTheGatewaysInterfaces() throws Exception {
    JsonNode loaders = loaders("bundling-loaders", "com.amazonaws.services.lambda.runtime.Context",
        "com.amazonaws.services.lambda.runtime.RequestHandler",
        "com.amazonaws.services.lambda.runtime.logging.LogLevel");

    loaders.forEach(loader -> assertThat(loader.asText()).isNotIn("function", "missing"));
    LambdaInvoker.Result result = invoke(invoker, "bundling-context", "{}");
    assertThat(result.functionError()).isNull();
    assertThat(JSON.readTree(result.payload()).path("functionName").asText()).isEqualTo("bundling-context");
  }

  @Test
  void librariesTheFunctionBundlesWinOverTheGatewaysCopies() throws Exception {
    JsonNode loaders = loaders("bundling-loaders", "com.fasterxml.jackson.annotation.JsonProperty", "fixture.Person");

    assertThat(loaders.path("com.fasterxml.jackson.annotation.JsonProperty").asText()).isEqualTo("function");
    assertThat(loaders.path("fixture.Person").asText()).isEqualTo("function");
  }

  @Test
  void eventClassesAreNotTheGatewaysToProvide() throws Exception {
    JsonNode loaders = loaders("bundling-loaders",
        "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent");

    assertThat(loaders.path("com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent").asText())
        .isEqualTo("missing");
  }

  @Test
  void classesDirectoryLoadsTheJarsInItsLibFolder() throws Exception {
    JsonNode loaders = loaders("directory-loaders", "fixturelib.Shouter", "fixture.Person");

    assertThat(loaders.path("fixturelib.Shouter").asText()).isEqualTo("function");
    assertThat(loaders.path("fixture.Person").asText()).isEqualTo("function");
  }

  @Test
  void functionsSharingCodeDoNotShareClasses() throws Exception {
    String one = text(invoke(invoker, "counter-one", "{}").payload());
    String two = text(invoke(invoker, "counter-two", "{}").payload());

    assertThat(one).startsWith("\"1/");
    assertThat(two).startsWith("\"1/");
  }

  private static JsonNode loaders(String function, String... classNames) throws Exception {
    return JSON.readTree(invoke(invoker, function, JSON.writeValueAsString(classNames)).payload());
  }
}
