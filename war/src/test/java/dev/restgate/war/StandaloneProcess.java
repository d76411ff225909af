package dev.restgate.war;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar gateway.war ...} as a child process, its output collected line by line. */
final class StandaloneProcess implements AutoCloseable {
  static final String READY_LINE = "Press Ctrl-C to stop.";
  private static final Pattern RUNNING_ON = Pattern.compile("is running on (http://localhost:\\d+)");

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

  private StandaloneProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::collectOutput, "standalone-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -jar gateway.war} with {@code args}. */
  static StandaloneProcess start(String... args) {
    return start(Map.of(), args);
  }

  /** Starts {@code java -jar gateway.war} with {@code args} and these environment variables added. */
  static StandaloneProcess start(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(
        ItSettings.java().toString(), "-Xmx256m", "-jar", ItSettings.war().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      return new StandaloneProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the banner's last line, which the launcher prints once the gateway answers. */
  StandaloneProcess awaitReady(Duration timeout) {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return this;
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the standalone server did not start within " + timeout + ":\n" + output(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits for the process to end by itself and returns its exit status. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the standalone server did not exit within " + timeout + ":\n" + output());
      }
      // The reader sees end-of-stream right after the exit; wait for it so output() is complete.
      outputEnded.get(5, TimeUnit.SECONDS);
      return process.exitValue();
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends SIGHUP, as {@code kill -HUP} does. */
  void hangUp() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -HUP " + process.pid() + " failed");
    }
  }

  /** Sends SIGTERM, as a service manager would, and returns the exit status. */
  int stop() {
    // Process.destroy() would also close the output stream and lose what the server prints while stopping.
    process.toHandle().destroy();
    return awaitExit(Duration.ofSeconds(45));
  }

  URI baseUri() {
    Matcher matcher = RUNNING_ON.matcher(output());
    if (!matcher.find()) {
      throw new AssertionError("no 'is running on' line in:\n" + output());
    }
    return URI.create(matcher.group(1));
  }

  synchronized String output() {
    return String.join("\n", lines);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void collectOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.out.println("[standalone] " + line);
        synchronized (this) {
          lines.add(line);
        }
        if (line.equals(READY_LINE)) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      // The stream closes when the process dies; what was read is kept.
    }
    ready.completeExceptionally(new IllegalStateException("the process ended"));
    outputEnded.complete(null);
  }
}
