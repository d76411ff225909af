package dev.restgate.lambda.internal.process;

import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.spi.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the functions of one configuration that run in worker processes: unzips jar and zip packages into a
 * directory of their own under the data directory (as AWS unpacks them into {@code /var/task}), checks that the
 * runtime can start there, and owns what the workers share: the Runtime API's threads, the log files
 * ({@code lambda.logFiles}) and those directories, which {@link #close()} closes and removes.
 */
public final class ProcessFunctionLoader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessFunctionLoader.class);

  private final String source;
  private final Path workDirectory;
  private final String region;
  private final String accountId;
  private final LambdaConfig settings;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final ExecutorService httpThreads;
  private final List<Path> unpacked = new ArrayList<>();
  private final FunctionLogFiles logFiles;

  /**
   * @param source the configuration file, for problems; may be null
   * @param dataDirectory where unpacked packages go ({@code lambda/} under it)
   * @param settings the idle timeout, where the runtimes are and whether workers write log files
   */
  public ProcessFunctionLoader(String source, Path dataDirectory, String region, String accountId,
      LambdaConfig settings, ScheduledExecutorService timer, Clock clock) {
    this.source = source;
    this.workDirectory = dataDirectory.resolve("lambda");
    this.region = region;
    this.accountId = accountId;
    this.settings = settings;
    this.logFiles = settings.logFiles() ? new FunctionLogFiles(workDirectory.resolve("logs"), clock) : null;
    this.timer = timer;
    this.clock = clock;
    AtomicInteger threads = new AtomicInteger();
    this.httpThreads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "lambda-runtime-api-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * The function, or empty after adding what is wrong with it to {@code problems}.
   *
   * @param version the version {@code function}'s settings are, {@code $LATEST} or a number
   * @param code the function's resolved {@code codeUri}
   */
  public Optional<ProcessFunction> load(FunctionConfig function, String version, Path code, String pointer,
      List<Problem> problems) {
    try {
      Path taskRoot = Files.isDirectory(code) ? code.toAbsolutePath() : unpack(function.functionName(), code);
      RuntimeCommand command = RuntimeCommand.of(function, version, taskRoot, region, settings);
      return Optional.of(new ProcessFunction(function.functionName(), version, region, accountId, function.timeout(),
          function.memorySize(), function.reservedConcurrency(), settings.idleTimeout(), command, logFiles, timer,
          httpThreads, clock));
    } catch (IOException e) {
      problems.add(new Problem(source, pointer + "/runtime", "function " + function.functionName() + " cannot run "
          + "as " + function.runtime() + ": " + e.getMessage()));
      return Optional.empty();
    }
  }

  private Path unpack(String name, Path archive) throws IOException {
    Path target = workDirectory.resolve(name + "-" + UUID.randomUUID()).toAbsolutePath().normalize();
    Files.createDirectories(target);
    unpacked.add(target);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        Path file = target.resolve(entry.getName()).normalize();
        if (!file.startsWith(target)) {
          throw new IOException(archive + " has an entry outside its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
          continue;
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, file);
        }
      }
    } catch (IOException e) {
      throw new IOException("cannot unzip " + archive + ": " + e.getMessage(), e);
    }
    return target;
  }

  /**
   * Stops the Runtime API's threads, closes the log files and deletes the unpacked packages; close the functions
   * first.
   */
  @Override
  public void close() {
    httpThreads.shutdownNow();
    if (logFiles != null) {
      logFiles.close();
    }
    for (Path directory : unpacked) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        LOG.warn("Could not delete the unpacked function package {}: {}", directory, e.getMessage());
      }
    }
  }
}
