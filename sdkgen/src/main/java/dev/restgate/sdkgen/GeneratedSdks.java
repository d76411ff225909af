package dev.restgate.sdkgen;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.ClientSdks;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClientSdks} on a small pool of its own: a generation takes seconds of CPU and much memory, so at most a
 * few run at once, a few more wait, and the rest are refused ({@link RejectedExecutionException}) rather than
 * queued without bound. Each one has a time limit, counted from the call, after which it is cancelled (its thread
 * interrupted) and its future fails with a {@link TimeoutException}. Results are cached by definition key, type
 * and parameters, weighed by their bytes; calls for a result being generated join that generation. Failures are
 * not cached.
 */
final class GeneratedSdks implements ClientSdks, AutoCloseable {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(GeneratedSdks.class);
  private static final long CACHE_BYTES = 64L << 20;
  private static final int WAITING = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Generates one SDK and returns its zip; may be interrupted. */
  interface Generation {
    /** @param folder the folder in the zip that holds the project */
    byte[] generate(String folder, SdkCatalog.Options options, byte[] definition) throws Exception;
  }

  private final Generation generation;
  private final Duration timeout;
  private final ThreadPoolExecutor executor;
  private final Cache<Key, byte[]> results;
  /** The generations under way, which calls for the same result join. */
  private final Map<Key, CompletableFuture<byte[]>> running = new ConcurrentHashMap<>();

  GeneratedSdks(Generation generation, Duration timeout, int threads) {
    this.generation = generation;
    this.timeout = timeout;
    AtomicInteger count = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
        new ArrayBlockingQueue<>(WAITING), task -> {
          Thread thread = new Thread(task, "restgate-sdkgen-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    this.results = Caffeine.newBuilder()
        .maximumWeight(CACHE_BYTES)
        .weigher((Key key, byte[] zip) -> zip.length)
        .build();
  }

  @Override
  public List<SdkType> types() {
    return SdkCatalog.types();
  }

  @Override
  public CompletableFuture<byte[]> generate(String sdkType, Map<String, String> parameters, String definitionKey,
      byte[] definition) {
    SdkCatalog.Options options;
    try {
      options = SdkCatalog.options(sdkType, parameters);
      requireLocalReferences(definition);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    Key key = new Key(definitionKey, sdkType, new TreeMap<>(parameters));
    byte[] done = results.getIfPresent(key);
    if (done != null) {
      return CompletableFuture.completedFuture(done);
    }
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> shared = running.putIfAbsent(key, mine);
    if (shared == null) {
      shared = mine;
      mine.whenComplete((zip, failure) -> {
        if (failure == null) {
          results.put(key, zip);
        }
        running.remove(key, mine);
      });
      start(sdkType, options, definition.clone(), mine);
    }
    // A copy, so that no caller can cancel the generation other callers share.
    return shared.copy();
  }

  /** Runs the generation on the pool, completing {@code result} with it, a refusal or a timeout. */
  private void start(String sdkType, SdkCatalog.Options options, byte[] definition, CompletableFuture<byte[]> result) {
    Future<?> task;
    try {
      task = executor.submit(() -> {
        try {
          result.complete(generation.generate(sdkType + "-sdk", options, definition));
        } catch (Exception | LinkageError e) {
          if (!result.isDone()) {
            LOG.warn("Generating a {} SDK failed", sdkType, e);
          }
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
      return;
    }
    result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((zip, failure) -> {
      if (failure instanceof TimeoutException) {
        task.cancel(true);
      }
    });
  }

  /**
   * Refuses a definition whose {@code $ref}s leave the document: the generator would fetch them, and generation
   * stays off the network.
   */
  private static void requireLocalReferences(byte[] definition) {
    JsonNode document;
    try {
      document = JSON.readTree(definition);
    } catch (IOException e) {
      throw new IllegalArgumentException("The stage's definition is not JSON: " + e.getMessage(), e);
    }
    List<String> external = document.findValuesAsText("$ref").stream().filter(ref -> !ref.startsWith("#")).toList();
    if (!external.isEmpty()) {
      throw new IllegalArgumentException("SDKs are generated from self-contained definitions only; this stage's "
          + "definition refers to " + String.join(", ", external));
    }
  }

  /** Stops the generations under way and refuses new ones. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private record Key(String definitionKey, String sdkType, Map<String, String> parameters) {}
}
