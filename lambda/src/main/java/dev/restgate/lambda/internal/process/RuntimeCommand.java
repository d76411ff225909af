package dev.restgate.lambda.internal.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.LambdaConfig;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * How a worker process of one function is started: the runtime's program (AWS's own runtime interface clients for
 * Java, Python and Node.js, the gateway's own Python client where AWS's is not installed, the package's
 * {@code bootstrap} for custom runtimes), the environment AWS sets and nothing of the gateway's, all behind a
 * watchdog shell that kills the function when the gateway's end of its stdin closes, which the kernel does when the
 * gateway dies, even by {@code kill -9}.
 */
final class RuntimeCommand {
  /** A fixed PATH, so the gateway's own never leaks into functions. */
  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  /**
   * Runs "$@" with /dev/null as stdin, kills it when stdin (fd 3 here, since an asynchronous list's own stdin is
   * /dev/null) reaches EOF, and ends with the function's status when the function ends first.
   */
  private static final String WATCHDOG = "exec 3<&0; \"$@\" </dev/null 3<&- & c=$!; "
      + "(read -r _ <&3; kill -KILL $c 2>/dev/null) & w=$!; wait $c; s=$?; kill $w 2>/dev/null; exit $s";

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeCommand.class);
  /** The gateway's own Runtime API client for Python, for interpreters without awslambdaric. */
  private static final URL PYTHON_BOOTSTRAP = RuntimeCommand.class.getResource(
      "/dev/restgate/lambda/process/python_bootstrap.py");
  private static final String PYTHON_PROBE = String.join("\n", "import sys", "print(sys.executable)", "try:",
      "    import awslambdaric", "    print('awslambdaric')", "except ImportError:", "    print('-')");
  private static final Map<String, Path> UNPACKED = new HashMap<>();
  private static final String NODE_RUNTIME_CLIENT = "node_modules/aws-lambda-ric/bin/index.mjs";

  private final List<String> program;
  private final String version;
  private final Path taskRoot;
  private final Map<String, String> environment;

  private RuntimeCommand(List<String> program, String version, Path taskRoot, Map<String, String> environment) {
    this.program = program;
    this.version = version;
    this.taskRoot = taskRoot;
    this.environment = environment;
  }

  /**
   * The command of {@code function}, whose code is in {@code taskRoot}.
   *
   * @param version the version {@code function}'s settings are, {@code $LATEST} or a number
   * @param settings where the runtimes are: {@code jdks}, {@code nodeRuntimeClient}
   * @throws IOException when the runtime cannot run here, saying what to install or fix
   */
  static RuntimeCommand of(FunctionConfig function, String version, Path taskRoot, String region,
      LambdaConfig settings) throws IOException {
    String runtime = function.runtime();
    List<String> program = new ArrayList<>();
    Map<String, String> extra = new LinkedHashMap<>();
    if (runtime.startsWith("java")) {
      Path javaHome = settings.jdks().get(runtime);
      program.add(javaHome != null ? javaHome.resolve("bin/java").toString() : ProcessHandle.current().info()
          .command()
          .orElseThrow(() -> new IOException("the gateway's java command is unknown, so Java workers cannot start")));
      program.addAll(List.of("-Xmx" + (function.memorySize() * 85 / 100) + "m", "-XX:+TieredCompilation",
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-D" + NATIVE_LIBRARY_PROPERTY + "=" + nativeLibrary(),
          "-cp", javaRuntimeClassPath(), AWSLambda.class.getName(), function.handler()));
    } else if (runtime.startsWith("python")) {
      Python python = python(taskRoot);
      if (python.awslambdaric()) {
        program.addAll(List.of(python.executable(), "-m", "awslambdaric", function.handler()));
      } else {
        LOG.info("Function {} runs on the gateway's Python runtime client: python3 cannot import awslambdaric",
            function.functionName());
        program.addAll(List.of(python.executable(), unpacked(PYTHON_BOOTSTRAP, ".py"), function.handler()));
      }
      extra.put("PYTHONPATH", taskRoot.toString());
      extra.put("PYTHONUNBUFFERED", "1");
      // AWS's task root is read-only; here it may be the user's source tree, which __pycache__ would litter.
      extra.put("PYTHONDONTWRITEBYTECODE", "1");
    } else if (runtime.startsWith("nodejs")) {
      program.addAll(List.of(executable("node", "install Node.js to run " + runtime + " functions"),
          "--max-old-space-size=" + (function.memorySize() * 85 / 100),
          nodeRuntimeClient(settings.nodeRuntimeClient(), taskRoot), function.handler()));
    } else {
      Path bootstrap = taskRoot.resolve("bootstrap");
      if (!Files.isRegularFile(bootstrap)) {
        throw new IOException("the package of " + function.functionName() + " has no bootstrap file at its root, "
            + "which runtime " + runtime + " runs");
      }
      if (!Files.isExecutable(bootstrap) && !bootstrap.toFile().setExecutable(true)) {
        throw new IOException(bootstrap + " is not executable: chmod +x it");
      }
      program.add(bootstrap.toString());
    }
    return new RuntimeCommand(List.copyOf(program), version, taskRoot,
        environment(function, version, taskRoot, region, extra));
  }

  /** The version the worker runs, as its environment and its log lines report it. */
  String version() {
    return version;
  }

  /**
   * Starts one worker answering the Runtime API at {@code runtimeApi} ({@code host:port}). The returned process is
   * the watchdog; its stdin is the gateway's to hold open, and closing it kills the function.
   */
  Process start(String runtimeApi, String logStreamName) throws IOException {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "lambda-watchdog"));
    command.addAll(program);
    ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(environment);
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
    return builder.start();
  }

  /** The function's variables first, so the ones AWS reserves always hold what the runtime set. */
  private static Map<String, String> environment(FunctionConfig function, String version, Path taskRoot,
      String region, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>(function.environment());
    env.putAll(extra);
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", version);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("_HANDLER", function.handler());
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    env.put("PATH", PATH);
    return Map.copyOf(env);
  }

  /** Where the Java runtime interface client loads its native library from when set, instead of unpacking it. */
  private static final String NATIVE_LIBRARY_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  /**
   * The runtime interface client's native library, unpacked once per gateway into a file of its own. Left to
   * itself, each worker JVM unpacks it to the one path {@code /tmp/.libaws-lambda-jni.so}, and a worker starting
   * while another rewrites that file crashes (SIGBUS) loading it.
   */
  private static String nativeLibrary() throws IOException {
    String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
    boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("x86_64") ? "x86_64" : "aarch64")
        + ".so.1"));
    String name = "/jni/libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + arch + ".so";
    URL library = AWSLambda.class.getResource(name);
    if (library == null) {
      throw new IOException("the Java runtime interface client has no native library " + name + " for this "
          + "machine, so Java functions cannot run in worker processes; use isolation: in-process");
    }
    return unpacked(library, ".so");
  }

  /** A resource of the gateway's that workers run, copied once per gateway to a file of its own. */
  private static synchronized String unpacked(URL resource, String suffix) throws IOException {
    Path file = UNPACKED.get(resource.toString());
    if (file != null && Files.isRegularFile(file)) {
      return file.toString();
    }
    file = Files.createTempFile("restgate-lambda-", suffix);
    file.toFile().deleteOnExit();
    try (InputStream in = resource.openStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    UNPACKED.put(resource.toString(), file);
    return file.toString();
  }

  /** The jars of AWS's Java runtime interface client and what it needs, wherever the gateway loaded them from. */
  private static String javaRuntimeClassPath() throws IOException {
    Set<String> jars = new LinkedHashSet<>();
    for (Class<?> type : List.of(AWSLambda.class, Context.class, PojoSerializer.class,
        SdkInternalThreadLocal.class)) {
      try {
        jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException | RuntimeException e) {
        throw new IOException("cannot find the jar of " + type.getName() + " for Java workers", e);
      }
    }
    return String.join(File.pathSeparator, jars);
  }

  /**
   * The entry point of AWS's Node.js runtime interface client ({@code aws-lambda-ric}), which runs the handler named
   * by its argument from its working directory, the task root: from {@code lambda.nodeRuntimeClient}, else from the
   * function's own package.
   */
  private static String nodeRuntimeClient(Path configured, Path taskRoot) throws IOException {
    for (Path directory : configured == null ? List.of(taskRoot) : List.of(configured, taskRoot)) {
      Path client = directory.resolve(NODE_RUNTIME_CLIENT);
      if (Files.isRegularFile(client)) {
        return client.toString();
      }
    }
    throw new IOException("AWS's Node.js runtime interface client is not installed: run `npm install aws-lambda-ric` "
        + "in a directory and name it in lambda.nodeRuntimeClient, or bundle aws-lambda-ric in the package's "
        + "node_modules (aws-lambda-ric@3 for Node.js 18 and 20, @4 for Node.js 22 and later)");
  }

  /** {@code name} on the gateway's PATH, as an absolute path, since workers get a fixed PATH. */
  private static String executable(String name, String advice) throws IOException {
    for (String directory : System.getenv().getOrDefault("PATH", PATH).split(File.pathSeparator)) {
      if (!directory.isBlank() && Files.isExecutable(Path.of(directory, name))) {
        return Path.of(directory, name).toAbsolutePath().toString();
      }
    }
    throw new IOException(name + " is not on the gateway's PATH: " + advice);
  }

  /** A Python interpreter, and whether it imports AWS's runtime interface client with the task root on its path. */
  private record Python(String executable, boolean awslambdaric) {}

  /**
   * The real interpreter behind {@code python3} on the gateway's PATH (version managers' shims need variables
   * workers do not get), and whether it imports {@code awslambdaric} with the function's directory on its path.
   */
  private static Python python(Path taskRoot) throws IOException {
    ProcessBuilder probe = new ProcessBuilder("python3", "-c", PYTHON_PROBE).directory(taskRoot.toFile())
        .redirectErrorStream(true);
    probe.environment().put("PYTHONPATH", taskRoot.toString());
    Process process;
    try {
      process = probe.start();
    } catch (IOException e) {
      throw new IOException("python3 is not on the gateway's PATH: install Python 3 to run python3.x functions", e);
    }
    String output = new String(process.getInputStream().readAllBytes()).strip();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("python3 failed to report its interpreter: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while looking for python3", e);
    }
    String[] lines = output.split("\n");
    if (lines.length < 2) {
      throw new IOException("python3 failed to report its interpreter: " + output);
    }
    return new Python(lines[lines.length - 2].strip(), lines[lines.length - 1].strip().equals("awslambdaric"));
  }
}
