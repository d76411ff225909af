package dev.restgate.observability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access log lines on its own thread, so a request only renders its line and hands it over (a lock-free
 * queue; no lock, no I/O on the request path). Files are opened once and appended to, flushed whenever the queue
 * runs dry. When lines arrive faster than the disk takes them and {@value #CAPACITY} are waiting, new lines are
 * dropped and counted, and the log says how many, at most once a minute: a request is never held up by its log.
 */
final class AccessLogWriter implements AutoCloseable {
  static final int CAPACITY = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(AccessLogWriter.class);
  private static final Line STOP = new Line(null, null);

  private final LinkedTransferQueue<Line> queue = new LinkedTransferQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final Map<Path, BufferedWriter> files = new HashMap<>();
  private final Thread thread;
  private long droppedReported;
  private long lastDropReport;

  AccessLogWriter() {
    thread = new Thread(this::run, "restgate-access-log");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one line for {@code destination}; drops it when too many are waiting. */
  void write(LogDestination destination, String line) {
    if (waiting.incrementAndGet() > CAPACITY) {
      waiting.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    queue.offer(new Line(destination, line));
  }

  private void run() {
    try {
      while (true) {
        Line line = queue.poll(1, TimeUnit.SECONDS);
        if (line == STOP) {
          return;
        }
        if (line != null) {
          waiting.decrementAndGet();
          append(line);
        }
        if (queue.isEmpty()) {
          flush();
          reportDrops();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      drain();
      closeFiles();
    }
  }

  private void append(Line line) {
    Path file = line.destination().file();
    if (file == null) {
      line.destination().logger().info(line.text());
      return;
    }
    try {
      BufferedWriter out = files.get(file);
      if (out == null) {
        Files.createDirectories(file.getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        files.put(file, out);
      }
      out.write(line.text());
      out.write('\n');
    } catch (IOException e) {
      dropped.incrementAndGet();
      LOG.warn("An access log line could not be written to {}: {}", file, e.getMessage());
    }
  }

  private void flush() {
    for (Map.Entry<Path, BufferedWriter> file : files.entrySet()) {
      try {
        file.getValue().flush();
      } catch (IOException e) {
        LOG.warn("The access log {} could not be flushed: {}", file.getKey(), e.getMessage());
      }
    }
  }

  private void reportDrops() {
    long now = System.nanoTime();
    long total = dropped.get();
    if (total > droppedReported && now - lastDropReport > TimeUnit.MINUTES.toNanos(1)) {
      LOG.warn("{} access log line(s) were dropped: the log could not keep up", total - droppedReported);
      droppedReported = total;
      lastDropReport = now;
    }
  }

  private void drain() {
    Line line;
    while ((line = queue.poll()) != null) {
      if (line != STOP) {
        append(line);
      }
    }
  }

  private void closeFiles() {
    for (Map.Entry<Path, BufferedWriter> file : files.entrySet()) {
      try {
        file.getValue().close();
      } catch (IOException e) {
        LOG.warn("The access log {} could not be closed: {}", file.getKey(), e.getMessage());
      }
    }
    files.clear();
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    queue.offer(STOP);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Line(LogDestination destination, String text) {}
}
