package dev.restgate.launcher.server;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded server's threads: virtual threads for requests when the JVM has them (Java 21+, probed at run time,
 * since the code is compiled for 17), otherwise a bounded pool of platform threads.
 *
 * @param pool the pool to give the Jetty {@code Server}
 * @param description what the pool runs requests on, for the start-up log
 */
record ServerThreadPool(QueuedThreadPool pool, String description) {
  static final int MAX_PLATFORM_THREADS = 200;
  private static final int MIN_PLATFORM_THREADS = 8;

  static ServerThreadPool create() {
    // Selectors and acceptors stay on the platform threads; request handling moves to virtual threads.
    QueuedThreadPool pool = new QueuedThreadPool(MAX_PLATFORM_THREADS, MIN_PLATFORM_THREADS);
    pool.setName("restgate");
    if (VirtualThreads.areSupported()) {
      pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("restgate-virtual-"));
      return new ServerThreadPool(pool, "virtual threads");
    }
    return new ServerThreadPool(pool,
        "a pool of up to " + MAX_PLATFORM_THREADS + " platform threads (virtual threads need Java 21 or later)");
  }

  boolean usesVirtualThreads() {
    return VirtualThreads.isUseVirtualThreads(pool);
  }
}
