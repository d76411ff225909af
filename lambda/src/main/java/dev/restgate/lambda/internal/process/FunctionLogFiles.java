package dev.restgate.lambda.internal.process;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lambda.logFiles}: every log entry of every worker appended to {@code {directory}/{functionName}.log}, one
 * line each as {@code aws logs tail} prints them ({@code time stream message}). One thread writes the files, so
 * workers and callers only queue lines; it flushes whenever the queue runs empty. Thread-safe.
 */
final class FunctionLogFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionLogFiles.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Entry END = new Entry(null, null);

  private record Entry(String function, String line) {}

  private final Path directory;
  private final Clock clock;
  /** Bounded: a function writing faster than the disk takes slows its own output reader, as a slow logger would. */
  private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>(10_000);
  private final Map<String, Writer> writers = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  FunctionLogFiles(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
    this.thread = new Thread(this::run, "lambda-log-files");
    thread.setDaemon(true);
    thread.start();
  }

  /** Where the entries of one worker go: the file of {@code function}, marked with the worker's log stream. */
  Consumer<String> stream(String function, String logStream) {
    return message -> append(new Entry(function, TIME.format(clock.instant()) + " " + logStream + " " + message));
  }

  private void append(Entry entry) {
    if (closed) {
      return;
    }
    try {
      queue.put(entry);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      for (Entry entry = queue.take(); entry != END; entry = queue.take()) {
        write(entry);
        if (queue.isEmpty()) {
          flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      writers.forEach((function, writer) -> {
        try {
          writer.close();
        } catch (IOException e) {
          LOG.warn("Could not close the log file of function {}: {}", function, e.getMessage());
        }
      });
    }
  }

  private void write(Entry entry) {
    try {
      Writer writer = writers.get(entry.function());
      if (writer == null) {
        Files.createDirectories(directory);
        writer = Files.newBufferedWriter(directory.resolve(entry.function() + ".log"), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        writers.put(entry.function(), writer);
      }
      writer.write(entry.line());
      writer.write('\n');
    } catch (IOException e) {
      LOG.warn("Could not write the log file of function {}: {}", entry.function(), e.getMessage());
    }
  }

  private void flush() {
    writers.forEach((function, writer) -> {
      try {
        writer.flush();
      } catch (IOException e) {
        LOG.warn("Could not write the log file of function {}: {}", function, e.getMessage());
      }
    });
  }

  /** Writes what is queued and closes the files; lines that come later are dropped. */
  @Override
  public void close() {
    closed = true;
    try {
      queue.put(END);
      thread.join(10_000);
      if (thread.isAlive()) {
        LOG.warn("The Lambda log files were still being written after 10 seconds; closing without them");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
