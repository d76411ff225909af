package dev.restgate.plugins;

import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.Handler;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A test plugin configured by {@code x-test-closeable: {name}} that does nothing but can be closed: tests read how
 * often the plugins of a name were closed, to see when the gateway releases a configuration.
 */
public final class CloseTrackingPluginFactory implements PluginFactory<CloseTrackingPluginFactory.Config> {
  private static final Map<String, Integer> CLOSED = new HashMap<>();

  /** The extension's value; use a name unique to the test. */
  public record Config(String name) {}

  /** How many plugins named {@code name} have been closed. */
  public static synchronized int closed(String name) {
    return CLOSED.getOrDefault(name, 0);
  }

  /**
   * How many plugins named {@code name} have been closed once {@code count} have, or after five seconds: a request's
   * configuration is released when the server has written its response, which may be after the client read it.
   */
  public static synchronized int awaitClosed(String name, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long left;
    while (closed(name) < count && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(CloseTrackingPluginFactory.class, left);
    }
    return closed(name);
  }

  private static synchronized void recordClose(String name) {
    CLOSED.merge(name, 1, Integer::sum);
    CloseTrackingPluginFactory.class.notifyAll();
  }

  @Override
  public String name() {
    return "close-tracking";
  }

  @Override
  public Phase phase() {
    return Phase.VALIDATE;
  }

  @Override
  public String extension() {
    return "x-test-closeable";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Config config) {
    return config == null ? Optional.empty() : Optional.of(new Closeable(config.name()));
  }

  private record Closeable(String name) implements Plugin, AutoCloseable {
    @Override
    public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
      return next.handle(exchange);
    }

    @Override
    public void close() {
      recordClose(name);
    }
  }
}
