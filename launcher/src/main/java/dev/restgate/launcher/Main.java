package dev.restgate.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar gateway.war}: starts the gateway WAR in an embedded Jetty, the same web application a servlet
 * container would run.
 *
 * <p>This class and the rest of its package sit at the root of the WAR and use only the JDK. The embedded Jetty lives
 * in the WAR as jars under {@code WEB-INF/launcher/lib/}, which containers ignore; they are copied to a temporary
 * work directory and loaded in a class loader of their own, which the server removes again when it stops.
 */
public final class Main {
  static final String SERVER_CLASS = "dev.restgate.launcher.server.StandaloneServer";

  private Main() {}

  /**
   * Runs the gateway until the JVM is told to stop.
   *
   * @param args see {@link LaunchOptions#USAGE}
   */
  public static void main(String[] args) {
    // Small answers of the JDK's HTTP server (Lambda workers' Runtime API, the example's pet store) go out without
    // waiting for the peer's delayed ACK; the server reads this once, so before the pet store starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    int status = run(args, System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    Optional<LaunchOptions> options;
    try {
      options = LaunchOptions.parse(args, System.getProperties(), environment);
    } catch (UsageException e) {
      err.println("restgate: " + e.getMessage());
      err.println("Run with --help for usage.");
      return 2;
    }
    if (options.isEmpty()) {
      out.println(LaunchOptions.USAGE);
      return 0;
    }
    try {
      return start(options.get(), war());
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      err.println("restgate: cannot start: " + messageOf(e));
      return 1;
    }
  }

  private static int start(LaunchOptions options, Path war) throws IOException, ReflectiveOperationException {
    LogDefaults.apply();
    Path work = WorkDirectory.create();
    Method run;
    try {
      URLClassLoader loader = BundledLibraries.extract(war, work.resolve("lib"));
      Thread.currentThread().setContextClassLoader(loader);
      run = loader.loadClass(SERVER_CLASS).getMethod("run", LaunchOptions.class, Path.class, Path.class);
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      WorkDirectory.delete(work);
      throw e;
    }
    // From here on the server owns the work directory and deletes it when it stops.
    try {
      return (Integer) run.invoke(null, options, war, work);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(messageOf(e.getCause()), e.getCause());
    }
  }

  private static Path war() throws IOException {
    CodeSource source = Main.class.getProtectionDomain().getCodeSource();
    try {
      Path war = Path.of(source.getLocation().toURI());
      if (Files.isRegularFile(war)) {
        return war;
      }
      throw new IOException("not started from a WAR file (" + war + "); run java -jar gateway.war");
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the WAR file: " + source.getLocation(), e);
    }
  }

  private static String messageOf(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
