package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.GatewayConfig;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lambda} section of gateway.yaml, which this module owns. */
class LambdaSectionTest {
  @TempDir
  Path dir;

  @Test
  void functionsAndClientSettingsAreRead() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("functions/hello.jar", "not really a jar");
    GatewayConfig config = files.load("""
        lambda:
          endpoint: http://localhost:9001
          credentials: {accessKeyId: test, secretAccessKey: test}
          functions:
            - functionName: hello
              handler: com.example.Hello::handleRequest
              codeUri: functions/hello.jar
              timeout: 10
              environment: {variables: {GREETING: hi}}
        """);

    LambdaConfig lambda = config.section(LambdaConfig.class).orElseThrow();
    FunctionConfig hello = lambda.functions().get(0);
    assertThat(hello.codeUri()).isEqualTo(dir.resolve("functions/hello.jar").toAbsolutePath().normalize());
    assertThat(hello.timeout()).isEqualTo(10);
    assertThat(hello.memorySize()).isEqualTo(FunctionConfig.DEFAULT_MEMORY_SIZE);
    assertThat(hello.environment()).isEqualTo(Map.of("GREETING", "hi"));
    assertThat(lambda.endpoint()).isEqualTo("http://localhost:9001");
    assertThat(lambda.credentials().toString()).doesNotContain("secretAccessKey=test");
    assertThat(lambda.invokeApiSigned()).isTrue();
  }

  @Test
  void runtimeIsolationAndConcurrencyDefaultToJavaInWorkerProcesses() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("functions/app/app.py", "def handler(event, context): return 1\n");
    LambdaConfig lambda = files.load("""
        lambda:
          idleTimeout: 30
          functions:
            - {functionName: java, handler: com.example.Hello, codeUri: functions/app}
            - {functionName: py, handler: app.handler, codeUri: functions/app, runtime: python3.12,
               reservedConcurrency: 3}
            - {functionName: fast, handler: com.example.Hello, codeUri: functions/app, isolation: in-process}
        """).section(LambdaConfig.class).orElseThrow();

    assertThat(lambda.idleTimeout()).hasSeconds(30);
    FunctionConfig java = lambda.functions().get(0);
    assertThat(java.runtime()).isEqualTo("java21");
    assertThat(java.isolation()).isEqualTo(FunctionConfig.Isolation.PROCESS);
    assertThat(java.reservedConcurrency()).isEqualTo(FunctionConfig.DEFAULT_RESERVED_CONCURRENCY);
    assertThat(lambda.functions().get(1).runtime()).isEqualTo("python3.12");
    assertThat(lambda.functions().get(1).reservedConcurrency()).isEqualTo(3);
    assertThat(lambda.functions().get(2).isolation()).isEqualTo(FunctionConfig.Isolation.IN_PROCESS);
  }

  @Test
  void unsupportedRuntimesAndIsolationsAreProblems() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("functions/app/app.py", "");

    assertThat(files.messages("""
        lambda:
          idleTimeout: 0
          functions:
            - {functionName: node, handler: index.handler, codeUri: functions/app, runtime: nodejs}
            - {functionName: ruby, handler: app.handler, codeUri: functions/app, runtime: ruby3.3}
            - {functionName: py, handler: app.handler, codeUri: functions/app, runtime: python3.12,
               isolation: in-process}
            - {functionName: many, handler: a.B, codeUri: functions/app, reservedConcurrency: 1001}
        """)).containsOnlyKeys("/lambda/idleTimeout", "/lambda/functions/0/runtime", "/lambda/functions/1/runtime",
        "/lambda/functions/2/isolation", "/lambda/functions/3/reservedConcurrency")
        .hasEntrySatisfying("/lambda/functions/0/runtime", m -> assertThat(m).contains("nodejs20.x"));
  }

  @Test
  void theInvokeApiCheckIsTurnedOffOnlyByNone() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);

    assertThat(files.load("lambda: {invokeApiAuthorization: NONE}\n").section(LambdaConfig.class).orElseThrow()
        .invokeApiSigned()).isFalse();
    assertThat(files.load("lambda: {invokeApiAuthorization: AWS_IAM}\n").section(LambdaConfig.class).orElseThrow()
        .invokeApiSigned()).isTrue();
    assertThat(files.messages("lambda: {invokeApiAuthorization: none}\n"))
        .containsOnlyKeys("/lambda/invokeApiAuthorization");
  }

  @Test
  void anAbsentSectionIsNoFunctionsAndTheDefaultClient() throws Exception {
    assertThat(new ConfigFiles(dir).load("region: eu-west-1\n").section(LambdaConfig.class))
        .hasValue(LambdaConfig.NONE);
  }

  @Test
  void everyProblemOfTheSectionIsReportedAtItsPointer() {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("hello.jar", "x");
    Map<String, String> messages = files.messages("""
        lambda:
          endpoint: ftp://x
          functions:
            - {functionName: hello, handler: a.B, codeUri: hello.jar, environment: {variables: {"1X": y, OK: 2}}}
            - {functionName: hello, handler: a.B::handle, codeUri: hello.jar, environment: {vars: {}}}
            - {functionName: bad, handler: not a handler, codeUri: nowhere.jar, timeout: 901, memorySize: 64}
        """);

    assertThat(messages).containsOnlyKeys("/lambda/endpoint", "/lambda/functions/0/environment/variables/1X",
        "/lambda/functions/0/environment/variables/OK", "/lambda/functions/1/functionName",
        "/lambda/functions/1/environment/vars", "/lambda/functions/2/handler", "/lambda/functions/2/codeUri",
        "/lambda/functions/2/timeout", "/lambda/functions/2/memorySize");
    assertThat(messages.get("/lambda/endpoint")).isEqualTo("\"ftp://x\" is not an http or https URL such as "
        + "http://localhost:9001");
  }

  @Test
  void versionsTakeTheFunctionsSettingsTheyDoNotHaveAndAliasesNameThem() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("functions/v1/app.py", "");
    files.write("functions/v2/app.py", "");
    FunctionConfig function = files.load("""
        lambda:
          functions:
            - functionName: orders
              handler: com.example.Orders
              codeUri: functions/v2
              timeout: 10
              environment: {variables: {TABLE: orders}}
              versions:
                - {version: "1", codeUri: functions/v1, handler: com.example.OldOrders, memorySize: 256}
                - {version: "2", codeUri: functions/v2, environment: {variables: {TABLE: orders2}}}
              aliases:
                - {name: live, functionVersion: "1", routingConfig: {additionalVersionWeights: {"2": 0.1}}}
                - {name: edge, functionVersion: $LATEST}
        """).section(LambdaConfig.class).orElseThrow().functions().get(0);

    FunctionConfig first = function.settingsOf(function.versions().get(0));
    assertThat(first.codeUri()).isEqualTo(dir.resolve("functions/v1").toAbsolutePath().normalize());
    assertThat(first.handler()).isEqualTo("com.example.OldOrders");
    assertThat(first.memorySize()).isEqualTo(256);
    assertThat(first.timeout()).isEqualTo(10);
    assertThat(first.environment()).isEqualTo(Map.of("TABLE", "orders"));
    FunctionConfig second = function.settingsOf(function.versions().get(1));
    assertThat(second.handler()).isEqualTo("com.example.Orders");
    assertThat(second.environment()).isEqualTo(Map.of("TABLE", "orders2"));
    assertThat(function.aliases()).containsExactly(new AliasConfig("live", "1", Map.of("2", 0.1)),
        new AliasConfig("edge", "$LATEST", null));
  }

  @Test
  void versionAndAliasProblemsAreReportedAtTheirPointers() {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("app/app.py", "");
    Map<String, String> messages = files.messages("""
        lambda:
          functions:
            - functionName: f
              handler: a.B
              codeUri: app
              isolation: in-process
              versions:
                - {version: "1", codeUri: app}
                - {version: "1", codeUri: app}
                - {version: "01", codeUri: app}
                - {version: "4", codeUri: app, runtime: python3.12}
                - {version: "5", codeUri: missing}
              aliases:
                - {name: live, functionVersion: "1"}
                - {name: live, functionVersion: "7"}
                - {name: "42", functionVersion: "1"}
                - {name: latest, functionVersion: $LATEST, routingConfig: {additionalVersionWeights: {"1": 0.5}}}
                - {name: split, functionVersion: "1", routingConfig: {additionalVersionWeights: {"1": 0.5}}}
                - {name: heavy, functionVersion: "1", routingConfig: {additionalVersionWeights: {"5": 1.5}}}
                - {name: many, functionVersion: "1", routingConfig: {additionalVersionWeights: {"4": 0.1, "5": 0.1}}}
        """);

    String f = "/lambda/functions/0";
    assertThat(messages).containsOnlyKeys(f + "/versions/1/version", f + "/versions/2/version",
        f + "/versions/3/runtime", f + "/versions/3/handler", f + "/versions/4/codeUri", f + "/aliases/1/name",
        f + "/aliases/1/functionVersion", f + "/aliases/2/name", f + "/aliases/3/functionVersion",
        f + "/aliases/4/routingConfig/additionalVersionWeights/1",
        f + "/aliases/5/routingConfig/additionalVersionWeights/5", f + "/aliases/6/routingConfig/additionalVersionWeights");
    assertThat(messages.get(f + "/aliases/1/functionVersion"))
        .isEqualTo("\"7\" is not a version of this function: use $LATEST or one of 1, 4, 5");
    assertThat(messages.get(f + "/versions/3/runtime")).contains("in-process");
  }

  @Test
  void asyncInvokeSettingsAndRetryDelaysAreRead() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("hello.jar", "x");
    LambdaConfig lambda = files.load("""
        lambda:
          asyncRetryDelays: [0, 5]
          functions:
            - {functionName: a, handler: a.B, codeUri: hello.jar, asyncInvoke: {maximumRetryAttempts: 0,
               maximumEventAgeInSeconds: 60, onFailure: {deadLetterFile: failed/a.jsonl}}}
            - {functionName: b, handler: a.B, codeUri: hello.jar, asyncInvoke: {onFailure: {functionName: a}}}
            - {functionName: c, handler: a.B, codeUri: hello.jar}
        """).section(LambdaConfig.class).orElseThrow();

    assertThat(lambda.asyncRetryDelays()).containsExactly(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(lambda.functions().get(0).asyncInvoke())
        .isEqualTo(new AsyncInvokeConfig(0, 60, new AsyncInvokeConfig.OnFailure("failed/a.jsonl", null)));
    assertThat(lambda.functions().get(1).asyncInvoke())
        .isEqualTo(new AsyncInvokeConfig(2, 21_600, new AsyncInvokeConfig.OnFailure(null, "a")));
    assertThat(lambda.functions().get(2).asyncInvoke()).isEqualTo(AsyncInvokeConfig.DEFAULT);
    assertThat(LambdaConfig.NONE.asyncRetryDelays()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
  }

  @Test
  void asyncInvokeProblemsAreReportedAtTheirPointers() {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("hello.jar", "x");
    Map<String, String> messages = files.messages("""
        lambda:
          asyncRetryDelays: [60]
          functions:
            - {functionName: a, handler: a.B, codeUri: hello.jar, asyncInvoke: {maximumRetryAttempts: 3,
               maximumEventAgeInSeconds: 59, onFailure: {deadLetterFile: ../outside.jsonl}}}
            - {functionName: b, handler: a.B, codeUri: hello.jar, asyncInvoke: {onFailure: {functionName: nobody}}}
            - {functionName: c, handler: a.B, codeUri: hello.jar, asyncInvoke: {onFailure: {}}}
        """);

    assertThat(messages).containsOnlyKeys("/lambda/asyncRetryDelays",
        "/lambda/functions/0/asyncInvoke/maximumRetryAttempts",
        "/lambda/functions/0/asyncInvoke/maximumEventAgeInSeconds",
        "/lambda/functions/0/asyncInvoke/onFailure/deadLetterFile",
        "/lambda/functions/1/asyncInvoke/onFailure/functionName", "/lambda/functions/2/asyncInvoke/onFailure");
    assertThat(messages.get("/lambda/functions/1/asyncInvoke/onFailure/functionName"))
        .isEqualTo("\"nobody\" is not a local function; name one of lambda.functions");
  }

  @Test
  void jdksNameAHomePerJavaRuntimeAndMustHoldBinJava() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("jdk/bin/java", "#!/bin/sh\n");
    dir.resolve("jdk/bin/java").toFile().setExecutable(true);
    files.write("not-a-jdk/README", "");

    assertThat(files.load("lambda: {jdks: {java25: jdk}}\n").section(LambdaConfig.class).orElseThrow().jdks())
        .isEqualTo(Map.of("java25", dir.resolve("jdk").toAbsolutePath().normalize()));
    Map<String, String> messages = files.messages("lambda: {jdks: {java17: not-a-jdk, java8: jdk}}\n");
    assertThat(messages).containsOnlyKeys("/lambda/jdks/java17", "/lambda/jdks/java8");
    assertThat(messages.get("/lambda/jdks/java17")).startsWith("there is no executable ")
        .contains("not-a-jdk/bin/java");
    assertThat(messages.get("/lambda/jdks/java8")).contains("not a Java runtime");
  }

  @Test
  void nodeRuntimeClientMustHoldAwsLambdaRic() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("ric/node_modules/aws-lambda-ric/bin/index.mjs", "");
    files.write("empty/package.json", "{}");

    assertThat(files.load("lambda: {nodeRuntimeClient: ric}\n").section(LambdaConfig.class).orElseThrow()
        .nodeRuntimeClient()).isEqualTo(dir.resolve("ric").toAbsolutePath().normalize());
    assertThat(files.messages("lambda: {nodeRuntimeClient: empty}\n")).containsOnlyKeys("/lambda/nodeRuntimeClient")
        .hasEntrySatisfying("/lambda/nodeRuntimeClient", m -> assertThat(m).contains("npm install aws-lambda-ric"));
  }

  @Test
  void logFilesAreOffUnlessAskedFor() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);

    assertThat(files.load("lambda: {logFiles: true}\n").section(LambdaConfig.class).orElseThrow().logFiles())
        .isTrue();
    assertThat(files.load("lambda: {idleTimeout: 30}\n").section(LambdaConfig.class).orElseThrow().logFiles())
        .isFalse();
    assertThat(files.messages("lambda: {logFiles: yes please}\n")).containsOnlyKeys("/lambda/logFiles");
  }
}
