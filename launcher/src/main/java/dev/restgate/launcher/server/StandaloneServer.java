package dev.restgate.launcher.server;

import dev.restgate.launcher.LaunchOptions;
import dev.restgate.launcher.WorkDirectory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The standalone gateway: the WAR in an embedded Jetty, plus the bundled example when no configuration is given.
 * Called by {@code dev.restgate.launcher.Main} through the class loader that holds Jetty.
 */
public final class StandaloneServer {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);
  /** The JMX names the gateway's configuration reloaders register under. */
  private static final String RELOADERS = "dev.restgate:type=ConfigReloader,*";

  private final LaunchOptions options;
  private final Path war;
  private final Path work;

  private StandaloneServer(LaunchOptions options, Path war, Path work) {
    this.options = options;
    this.war = war;
    this.work = work;
  }

  /**
   * Starts the gateway and blocks until a shutdown hook (Ctrl-C, SIGTERM) has stopped it. Owns {@code work} from
   * then on and deletes it when done. Never throws: failures are printed as one line.
   *
   * @param options the checked command line
   * @param war the WAR this runs from, deployed at context path {@code /}
   * @param work a temporary directory for this run only
   * @return the process exit status: 0 after a clean stop, 1 when the gateway could not start
   */
  public static int run(LaunchOptions options, Path war, Path work) {
    return new StandaloneServer(options, war, work).run();
  }

  private int run() {
    ExampleApi example = null;
    Server jetty = null;
    try {
      Files.createDirectories(options.dataDir());
      if (options.config().isEmpty()) {
        example = ExampleApi.start(options.dataDir(), war);
      }
      Path config = example == null ? options.config().orElseThrow() : example.configFile();
      ServerThreadPool threads = ServerThreadPool.create();
      jetty = EmbeddedJetty.create(options.port(), options.managementPort(), options.managementHost(), war, config,
          options.dataDir(), work.resolve("webapp"), threads);
      jetty.start();
      Runtime.getRuntime().addShutdownHook(new Thread(stopper(jetty, example), "restgate-shutdown"));
      reloadOnHangup();
      int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
      Banner.lines(version(), port, threads.description(), config, options.dataDir(), example != null)
          .forEach(System.out::println);
      if (options.managementPort() > 0) {
        System.out.println("Management port: http://" + options.managementHost() + ":" + options.managementPort()
            + " (the control plane answers there when controlPlane.port is " + options.managementPort() + ")");
      }
      jetty.join();
      return 0;
    } catch (Exception e) {
      System.err.println("restgate: " + describe(e));
      stopQuietly(jetty);
      if (example != null) {
        example.close();
      }
      WorkDirectory.delete(work);
      return 1;
    }
  }

  /**
   * {@code kill -HUP}: asks the web application's configuration reloader ({@code dev.restgate.ConfigReloader}, in
   * the WAR's class loader) to reload, through the JMX name it registers under.
   */
  private static void reloadOnHangup() {
    try {
      Signal.handle(new Signal("HUP"), signal -> new Thread(StandaloneServer::reload, "restgate-reload").start());
    } catch (IllegalArgumentException e) {
      LOG.info("No SIGHUP on this platform ({}); the configuration is reloaded when its files change", e.getMessage());
    }
  }

  private static void reload() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      Set<ObjectName> reloaders = server.queryNames(new ObjectName(RELOADERS), null);
      if (reloaders.isEmpty()) {
        LOG.warn("SIGHUP received, but the gateway is not running: nothing to reload");
      }
      for (ObjectName reloader : reloaders) {
        server.invoke(reloader, "reload", new Object[0], new String[0]);
      }
    } catch (JMException e) {
      LOG.error("SIGHUP received, but the reload could not be asked for: {}", e.toString());
    }
  }

  private Runnable stopper(Server jetty, ExampleApi example) {
    return () -> {
      LOG.info("Stopping: requests in flight get up to {} s to finish", EmbeddedJetty.STOP_TIMEOUT.toSeconds());
      stopQuietly(jetty);
      if (example != null) {
        example.close();
      }
      WorkDirectory.delete(work);
      LOG.info("Restgate stopped");
    };
  }

  private void stopQuietly(Server jetty) {
    if (jetty == null) {
      return;
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("Jetty did not stop cleanly: {}", describe(e));
    }
  }

  private String describe(Exception e) {
    if (e instanceof IOException && e.getCause() instanceof BindException bind) {
      return "cannot listen on port " + options.port()
          + (options.managementPort() > 0 ? " or management port " + options.managementPort() : "") + ": "
          + bind.getMessage();
    }
    StringBuilder message = new StringBuilder("cannot start: ");
    String previous = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String text = Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
      if (previous == null || !previous.contains(text)) {
        message.append(previous == null ? "" : ": ").append(text);
      }
      previous = text;
    }
    return message.toString();
  }

  private static String version() {
    return Objects.requireNonNullElse(StandaloneServer.class.getPackage().getImplementationVersion(), "(dev)");
  }
}
