package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.spi.LambdaInvokeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python functions in worker processes, on the gateway's own Python runtime client where {@code awslambdaric} is not
 * installed (as here: PyPI is out of reach): the context, results and error documents of AWS's client.
 */
class PythonRuntimeClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalFunctions functions;

  private static FunctionConfig python(String name, String handler, String directory) {
    return new FunctionConfig(name, handler, Fixtures.runtimes().resolve(directory), 7, 256, Map.of(),
        "python3.12", Isolation.PROCESS, 1, null);
  }

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    functions = LocalFunctions.load(new LambdaConfig(null, null, null, List.of(
        python("context", "app.context_report", "python"),
        python("failing", "app.failing", "python"),
        python("unimportable", "missing.handler", "python"),
        python("no-handler", "app.nope", "python"),
        python("syntax", "app.handler", "python-broken")), false, Duration.ofSeconds(30), null),
        null, data, "us-east-1", "123456789012", Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    functions.close();
  }

  private static Execution invoke(String name, String event) throws LambdaInvokeException {
    return functions.find(name).orElseThrow().select(null).orElseThrow().invoke(new InvocationRequest(
        UUID.randomUUID().toString(), null, event.getBytes(StandardCharsets.UTF_8), null), null);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void handlerSeesAwsContextAttributes() throws Exception {
    Execution execution = invoke("context", "{}");

    assertThat(execution.functionError()).as(text(execution.payload())).isNull();
    JsonNode context = JSON.readTree(execution.payload());
    assertThat(context.path("function_name").asText()).isEqualTo("context");
    assertThat(context.path("function_version").asText()).isEqualTo("$LATEST");
    assertThat(context.path("invoked_function_arn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context");
    assertThat(context.path("memory_limit_in_mb").asText()).isEqualTo("256");
    assertThat(context.path("aws_request_id").asText()).isEqualTo(execution.requestId());
    assertThat(context.path("log_group_name").asText()).isEqualTo("/aws/lambda/context");
    assertThat(context.path("log_stream_name").asText()).contains("/[$LATEST]");
    assertThat(context.path("remaining").asLong()).isBetween(1L, 7_000L);
    assertThat(context.path("trace_id").asText()).startsWith("Root=1-");
  }

  @Test
  void exceptionAnswersAwsErrorDocument() throws Exception {
    Execution execution = invoke("failing", "{\"n\":7}");

    assertThat(execution.functionError()).isEqualTo("Unhandled");
    JsonNode error = JSON.readTree(execution.payload());
    assertThat(error.path("errorMessage").asText()).isEqualTo("boom 7");
    assertThat(error.path("errorType").asText()).isEqualTo("ValueError");
    assertThat(error.path("requestId").asText()).isEqualTo(execution.requestId());
    assertThat(error.path("stackTrace")).hasSize(1);
    assertThat(error.path("stackTrace").get(0).asText()).contains("app.py").contains("in failing")
        .contains("raise ValueError");
    assertThat(JSON.readTree(invoke("failing", "{\"n\":8}").payload()).path("errorMessage").asText())
        .isEqualTo("boom 8");
  }

  @Test
  void moduleThatCannotBeImportedFailsTheInit() throws Exception {
    Execution execution = invoke("unimportable", "{}");

    assertThat(execution.functionError()).isEqualTo("Unhandled");
    assertThat(JSON.readTree(execution.payload())).isEqualTo(JSON.readTree("{\"errorMessage\":\"Unable to import "
        + "module 'missing': No module named 'missing'\",\"errorType\":\"Runtime.ImportModuleError\","
        + "\"requestId\":\"\",\"stackTrace\":[]}"));
  }

  @Test
  void syntaxErrorFailsTheInitWithItsPlace() throws Exception {
    Execution execution = invoke("syntax", "{}");

    JsonNode error = JSON.readTree(execution.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("Runtime.UserCodeSyntaxError");
    assertThat(error.path("errorMessage").asText()).startsWith("Syntax error in module 'app': ");
    assertThat(error.path("requestId").asText()).isEmpty();
    assertThat(error.path("stackTrace").get(0).asText()).contains("app.py").contains("Line 1");
  }

  @Test
  void missingHandlerFailsEachInvocationAsAwslambdaricDoes() throws Exception {
    Execution execution = invoke("no-handler", "{}");

    assertThat(execution.functionError()).isEqualTo("Unhandled");
    assertThat(JSON.readTree(execution.payload())).isEqualTo(JSON.readTree("{\"errorMessage\":\"Handler 'nope' "
        + "missing on module 'app'\",\"errorType\":\"Runtime.HandlerNotFound\",\"requestId\":\""
        + execution.requestId() + "\",\"stackTrace\":[]}"));
  }
}
