package dev.restgate.authorizers.jwt;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The cache's background executor, which lets a test wait for its fetches to have finished instead of sleeping. */
final class CountingExecutor implements Executor, AutoCloseable {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  /** Guarded by this: tasks handed over and not yet finished. */
  private int running;

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      running++;
    }
    threads.execute(() -> {
      try {
        task.run();
      } finally {
        synchronized (this) {
          running--;
          notifyAll();
        }
      }
    });
  }

  /** Waits until every task handed over so far has finished; false when that takes more than 5 s. */
  synchronized boolean awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (running > 0) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
