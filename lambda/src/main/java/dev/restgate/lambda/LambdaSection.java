package dev.restgate.lambda;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigRules;
import dev.restgate.config.ConfigSection;
import dev.restgate.lambda.FunctionConfig.Isolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code lambda}: the Lambda client settings and the local functions. Code URIs are resolved against the
 * configuration file's directory and must exist.
 */
public final class LambdaSection implements ConfigSection<LambdaConfig> {
  static final List<String> KEYS =
      List.of("region", "endpoint", "credentials", "functions", "invokeApiAuthorization", "idleTimeout",
          "asyncRetryDelays", "jdks", "nodeRuntimeClient", "logFiles");
  private static final List<String> CREDENTIAL_KEYS = List.of("accessKeyId", "secretAccessKey", "sessionToken");
  private static final List<String> FUNCTION_KEYS =
      List.of("functionName", "handler", "codeUri", "timeout", "memorySize", "environment", "runtime", "isolation",
          "reservedConcurrency", "asyncInvoke", "versions", "aliases");
  private static final List<String> ASYNC_INVOKE_KEYS =
      List.of("maximumRetryAttempts", "maximumEventAgeInSeconds", "onFailure");
  private static final List<String> ON_FAILURE_KEYS = List.of("deadLetterFile", "functionName");
  private static final Pattern RUNTIME =
      Pattern.compile("java(17|21|25)|python3\\.\\d{1,2}|nodejs\\d{2}\\.x|provided(\\.al2|\\.al2023)?");
  /** AWS's Node.js runtime interface client's entry point, under the directory npm installed it in. */
  private static final String NODE_RUNTIME_CLIENT = "node_modules/aws-lambda-ric/bin/index.mjs";
  private static final Pattern JAVA_RUNTIME = Pattern.compile("java(17|21|25)");
  private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final String JAVA_NAME = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
  private static final Pattern JAVA_HANDLER =
      Pattern.compile(JAVA_NAME + "(\\." + JAVA_NAME + ")*(::" + JAVA_NAME + ")?");
  private static final Pattern PYTHON_HANDLER = Pattern.compile("[A-Za-z_][\\w/.-]*\\.[A-Za-z_]\\w*");
  private static final Pattern NODE_HANDLER = Pattern.compile("[\\w/.-]*[\\w-]\\.[A-Za-z_$][\\w$]*");
  private static final Pattern ANY_HANDLER = Pattern.compile("\\S{1,128}");
  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");
  private static final int MAX_ENVIRONMENT_BYTES = 4096;

  @Override
  public List<String> keys() {
    return List.of("lambda");
  }

  @Override
  public Class<LambdaConfig> type() {
    return LambdaConfig.class;
  }

  @Override
  public LambdaConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("lambda");
    if (!node.isObjectWith(KEYS)) {
      return LambdaConfig.NONE;
    }
    return new LambdaConfig(node.field("region").string(ConfigRules.REGION, ConfigRules.REGION_RULE),
        endpoint(node.field("endpoint")), credentials(node.field("credentials")),
        functions(node.field("functions"), context),
        !"NONE".equals(node.field("invokeApiAuthorization").oneOf(List.of("AWS_IAM", "NONE"))),
        idleTimeout(node.field("idleTimeout")), asyncRetryDelays(node.field("asyncRetryDelays")),
        jdks(node.field("jdks"), context), nodeRuntimeClient(node.field("nodeRuntimeClient"), context),
        Boolean.TRUE.equals(node.field("logFiles").bool()));
  }

  /** Where {@code npm install aws-lambda-ric} ran: its {@code node_modules} must hold the client's entry point. */
  private static Path nodeRuntimeClient(ConfigNode node, ConfigContext context) {
    Path directory = path(node, context);
    if (directory != null && !Files.isRegularFile(directory.resolve(NODE_RUNTIME_CLIENT))) {
      node.problem("there is no " + directory.resolve(NODE_RUNTIME_CLIENT) + ": run `npm install aws-lambda-ric` "
          + "in " + directory + " (aws-lambda-ric@3 for Node.js 18 and 20, @4 for Node.js 22 and later)");
      return null;
    }
    return directory;
  }

  /** A path resolved against the configuration file's directory; null when absent or invalid. */
  private static Path path(ConfigNode node, ConfigContext context) {
    String text = node.string();
    if (text == null) {
      return null;
    }
    try {
      return context.configFile().toAbsolutePath().resolveSibling(text).normalize();
    } catch (InvalidPathException e) {
      node.problem("\"" + text + "\" is not a valid path: " + e.getReason());
      return null;
    }
  }

  /** A JDK home per Java runtime, each with an executable {@code bin/java}. */
  private static Map<String, Path> jdks(ConfigNode node, ConfigContext context) {
    Map<String, Path> jdks = new LinkedHashMap<>();
    node.entries().forEach((runtime, home) -> {
      if (!JAVA_RUNTIME.matcher(runtime).matches()) {
        home.problem("\"" + runtime + "\" is not a Java runtime: use java17, java21 or java25");
        return;
      }
      Path path = path(home.required(), context);
      if (path == null) {
        return;
      }
      if (!Files.isExecutable(path.resolve("bin/java"))) {
        home.problem("there is no executable " + path.resolve("bin/java") + ": name the home directory of a JDK, "
            + "such as /usr/lib/jvm/temurin-25-jdk-amd64");
        return;
      }
      jdks.put(runtime, path);
    });
    return jdks;
  }

  /** Two delays in seconds, one per retry; 0 is allowed so that tests and local development need not wait. */
  private static List<Duration> asyncRetryDelays(ConfigNode node) {
    List<ConfigNode> delays = node.list();
    if (!node.isPresent()) {
      return null;
    }
    if (delays.size() != LambdaConfig.DEFAULT_ASYNC_RETRY_DELAYS.size()) {
      node.problem("must list two delays in seconds, before the first and before the second retry, such as [60, 120]");
      return null;
    }
    List<Duration> result = new ArrayList<>();
    for (ConfigNode delay : delays) {
      Integer seconds = delay.integer(0, 3_600);
      if (seconds == null) {
        return null;
      }
      result.add(Duration.ofSeconds(seconds));
    }
    return result;
  }

  private static Duration idleTimeout(ConfigNode node) {
    Integer seconds = node.integer(1, 86_400);
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }

  private static String endpoint(ConfigNode node) {
    String endpoint = node.string();
    if (endpoint == null) {
      return null;
    }
    try {
      URI uri = new URI(endpoint);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return endpoint;
      }
    } catch (URISyntaxException e) {
      // reported below, like any other endpoint that is not an http(s) URL
    }
    node.problem("\"" + endpoint + "\" is not an http or https URL such as http://localhost:9001");
    return null;
  }

  private static CredentialsConfig credentials(ConfigNode node) {
    if (!node.isObjectWith(CREDENTIAL_KEYS)) {
      return null;
    }
    return new CredentialsConfig(node.field("accessKeyId").required().string(),
        node.field("secretAccessKey").required().string(), node.field("sessionToken").string());
  }

  private static List<FunctionConfig> functions(ConfigNode node, ConfigContext context) {
    List<FunctionConfig> functions = new ArrayList<>();
    Map<String, String> namePointers = new HashMap<>();
    Map<ConfigNode, String> destinations = new LinkedHashMap<>();
    for (ConfigNode function : node.list()) {
      if (!function.isObjectWith(FUNCTION_KEYS)) {
        continue;
      }
      String name = function.field("functionName").required().string(FUNCTION_NAME,
          "use 1 to 64 letters, digits, '-' or '_'");
      if (name != null) {
        String first = namePointers.putIfAbsent(name, function.pointer());
        if (first != null) {
          function.field("functionName").problem("is also the name of " + first + "; function names are unique");
        }
      }
      String runtime = runtime(function.field("runtime"));
      Isolation isolation = isolation(function.field("isolation"), runtime);
      String handler = handler(function.field("handler").required(), runtime);
      Integer timeout = function.field("timeout").integer(1, 900);
      Integer memorySize = function.field("memorySize").integer(128, 10240);
      Integer reserved = function.field("reservedConcurrency").integer(1, 1000);
      List<FunctionVersionConfig> versions =
          FunctionVersionsReader.versions(function.field("versions"), runtime, isolation, context);
      AsyncInvokeConfig asyncInvoke = asyncInvoke(function.field("asyncInvoke"));
      if (asyncInvoke != null && asyncInvoke.onFailure() != null && asyncInvoke.onFailure().functionName() != null) {
        destinations.put(function.field("asyncInvoke").field("onFailure").field("functionName"),
            asyncInvoke.onFailure().functionName());
      }
      functions.add(new FunctionConfig(name, handler, codeUri(function.field("codeUri"), context),
          timeout == null ? FunctionConfig.DEFAULT_TIMEOUT_SECONDS : timeout,
          memorySize == null ? FunctionConfig.DEFAULT_MEMORY_SIZE : memorySize,
          environment(function.field("environment")), runtime, isolation,
          reserved == null ? FunctionConfig.DEFAULT_RESERVED_CONCURRENCY : reserved, asyncInvoke, versions,
          FunctionVersionsReader.aliases(function.field("aliases"), versions)));
    }
    // A destination function must be a local function: the gateway queues the record for it.
    destinations.forEach((destination, target) -> {
      if (!namePointers.containsKey(target)) {
        destination.problem("\"" + target + "\" is not a local function; name one of lambda.functions");
      }
    });
    return functions;
  }

  private static AsyncInvokeConfig asyncInvoke(ConfigNode node) {
    if (!node.isObjectWith(ASYNC_INVOKE_KEYS)) {
      return null;
    }
    Integer retries = node.field("maximumRetryAttempts").integer(0, 2);
    Integer age = node.field("maximumEventAgeInSeconds").integer(60, 21_600);
    return new AsyncInvokeConfig(retries == null ? AsyncInvokeConfig.DEFAULT_MAXIMUM_RETRY_ATTEMPTS : retries,
        age == null ? AsyncInvokeConfig.DEFAULT_MAXIMUM_EVENT_AGE_SECONDS : age, onFailure(node.field("onFailure")));
  }

  private static AsyncInvokeConfig.OnFailure onFailure(ConfigNode node) {
    if (!node.isObjectWith(ON_FAILURE_KEYS)) {
      return null;
    }
    String file = node.field("deadLetterFile").string();
    String function = node.field("functionName").string();
    if ((file == null) == (function == null)) {
      node.problem("needs exactly one of deadLetterFile (a file under the data directory) and functionName "
          + "(a local function)");
      return null;
    }
    if (file != null && !isInsideDataDirectory(file)) {
      node.field("deadLetterFile").problem("\"" + file + "\" must be a relative path that stays inside the data "
          + "directory, such as failed-events.jsonl");
      return null;
    }
    return new AsyncInvokeConfig.OnFailure(file, function);
  }

  private static boolean isInsideDataDirectory(String file) {
    try {
      Path path = Path.of(file).normalize();
      return !file.isBlank() && !path.isAbsolute() && !path.startsWith("..");
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** AWS's identifier of a runtime this gateway runs. */
  static String runtime(ConfigNode node) {
    String runtime = node.string();
    if (runtime == null) {
      return FunctionConfig.DEFAULT_RUNTIME;
    }
    if (!RUNTIME.matcher(runtime).matches()) {
      node.problem("\"" + runtime + "\" is not a runtime local functions run: use java17, java21, java25, python3.x "
          + "(such as python3.12), nodejs20.x (any nodejsNN.x), provided or provided.al2023");
    }
    return runtime;
  }

  /** {@code process} unless asked otherwise; {@code in-process} exists for Java only. */
  private static Isolation isolation(ConfigNode node, String runtime) {
    String isolation = node.oneOf(List.of("process", "in-process"));
    if (!"in-process".equals(isolation)) {
      return Isolation.PROCESS;
    }
    if (!runtime.startsWith("java")) {
      node.problem("in-process runs Java functions only; runtime " + runtime + " needs isolation: process");
    }
    return Isolation.IN_PROCESS;
  }

  /** The handler as {@code runtime} names handlers; null when absent (call {@code required()} first if it must be). */
  static String handler(ConfigNode node, String runtime) {
    if (runtime.startsWith("java")) {
      return node.string(JAVA_HANDLER,
          "use a Java class name, com.example.Handler, or a method, com.example.Handler::handleRequest");
    }
    if (runtime.startsWith("python")) {
      return node.string(PYTHON_HANDLER, "use module.function, such as app.handler");
    }
    if (runtime.startsWith("nodejs")) {
      return node.string(NODE_HANDLER, "use file.export, such as index.handler");
    }
    return node.string(ANY_HANDLER, "use 1 to 128 characters without spaces");
  }

  /** The function's code, which live reload watches. */
  static Path codeUri(ConfigNode node, ConfigContext context) {
    String codeUri = node.required().string();
    if (codeUri == null) {
      return null;
    }
    Path path;
    try {
      path = context.configFile().toAbsolutePath().resolveSibling(codeUri).normalize();
    } catch (InvalidPathException e) {
      node.problem("\"" + codeUri + "\" is not a valid path: " + e.getReason());
      return null;
    }
    if (!Files.exists(path)) {
      node.problem("there is no jar or directory " + path + " (paths are relative to the configuration file's "
          + "directory); build the function or fix the path");
      return null;
    }
    context.dependsOn(path);
    return path;
  }

  /** AWS Lambda's shape: {@code environment: {variables: {...}}}, names as AWS allows, 4 KB in all. */
  static Map<String, String> environment(ConfigNode node) {
    if (!node.isObjectWith(List.of("variables"))) {
      return Map.of();
    }
    ConfigNode variables = node.field("variables");
    Map<String, String> environment = ConfigRules.strings(variables);
    int size = 0;
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      if (!ENVIRONMENT_NAME.matcher(entry.getKey()).matches()) {
        variables.field(entry.getKey()).problem("\"" + entry.getKey() + "\" is not a valid environment variable "
            + "name: start with a letter, then at least one letter, digit or '_'");
      }
      size += entry.getKey().length() + entry.getValue().length();
    }
    if (size > MAX_ENVIRONMENT_BYTES) {
      variables.problem("holds " + size + " characters; Lambda allows 4 KB of environment variables in all");
    }
    return environment;
  }
}
