package dev.restgate.caching;

import dev.restgate.config.ConfigRules;
import dev.restgate.spi.Ids;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis server every stage cache of this gateway shares with the other gateway nodes. Entries are plain keys
 * ({@code restgate:cache:{apiId}/{stage}:{id derived from the cache key}}) that carry their TTL, so Redis expires
 * them and its {@code maxmemory} policy bounds them. The first connection is tried at start and then every few
 * seconds until it succeeds; later losses are Lettuce's to repair. While Redis cannot be reached, commands fail at
 * once (they never queue), lookups read as misses and the log says so once.
 */
final class RedisEntries implements AutoCloseable {
  static final String KEY_PREFIX = "restgate:cache:";
  private static final Logger LOG = LoggerFactory.getLogger(RedisEntries.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final long RETRY_SECONDS = 5;
  private static final int FLUSH_BATCH = 500;

  private final String uri;
  private final RedisClient client;
  private final ScheduledExecutorService connector;
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile StatefulRedisConnection<byte[], byte[]> connection;

  RedisEntries(String uri) {
    this.uri = uri;
    this.client = RedisClient.create(RedisURI.create(uri));
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
        .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
        .build());
    this.connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "restgate-cache-redis");
      thread.setDaemon(true);
      return thread;
    });
    if (!connect()) {
      connector.scheduleWithFixedDelay(() -> {
        if (connect()) {
          connector.shutdown();
        }
      }, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  private synchronized boolean connect() {
    if (connection != null) {
      return true;
    }
    try {
      connection = client.connect(ByteArrayCodec.INSTANCE);
      recovered();
      return true;
    } catch (RuntimeException e) {
      failed("connect", e);
      return false;
    }
  }

  /** The store of one stage's entries. */
  StageStore stage(String apiId, String stageName) {
    return new Stage(KEY_PREFIX + apiId + "/" + stageName + ":");
  }

  String location() {
    return ConfigRules.redisUriForLogs(uri);
  }

  private RedisCommands<byte[], byte[]> commands() {
    StatefulRedisConnection<byte[], byte[]> open = connection;
    if (open == null) {
      throw new IllegalStateException("not connected yet");
    }
    return open.sync();
  }

  private void failed(String what, RuntimeException e) {
    if (failing.compareAndSet(false, true)) {
      LOG.warn("The stage cache in Redis at {} cannot be used ({} failed: {}); requests go to their integrations "
          + "until it answers again", location(), what, e.getMessage());
    }
  }

  private void recovered() {
    if (failing.compareAndSet(true, false)) {
      LOG.info("The stage cache in Redis at {} answers again", location());
    }
  }

  /** Why Redis does not answer a ping within the timeout, or empty when it does (for the readiness probe). */
  Optional<String> problem() {
    StatefulRedisConnection<byte[], byte[]> open = connection;
    if (open == null) {
      return Optional.of("the stage cache's Redis at " + ConfigRules.redisUriForLogs(uri) + " is not connected yet");
    }
    try {
      open.async().ping().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking the stage cache's Redis");
    } catch (ExecutionException | TimeoutException e) {
      return Optional.of("the stage cache's Redis at " + ConfigRules.redisUriForLogs(uri) + " does not answer: "
          + (e.getCause() == null ? e : e.getCause()).getMessage());
    }
  }

  @Override
  public void close() {
    connector.shutdownNow();
    StatefulRedisConnection<byte[], byte[]> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, TIMEOUT);
  }

  /**
   * The keys of one stage; a key's name is derived from the cache key ({@link Ids#derive}, a SHA-256), so no
   * parameter value shows in Redis.
   */
  private final class Stage implements StageStore {
    private final String prefix;

    Stage(String prefix) {
      this.prefix = prefix;
    }

    private byte[] redisKey(String key) {
      return (prefix + Ids.derive(40, key)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public CachedResponse get(String key) {
      try {
        byte[] value = commands().get(redisKey(key));
        recovered();
        return value == null ? null : CachedResponse.decode(value);
      } catch (RuntimeException e) {
        failed("GET", e);
        return null;
      } catch (IOException e) {
        LOG.warn("A stage cache entry in Redis under {} is unreadable ({}); it is treated as a miss", prefix,
            e.getMessage());
        return null;
      }
    }

    @Override
    public void put(String key, CachedResponse response, Duration ttl) {
      try {
        commands().set(redisKey(key), response.encode(), SetArgs.Builder.px(ttl.toMillis()));
        recovered();
      } catch (RuntimeException e) {
        failed("SET", e);
      }
    }

    @Override
    public void flush() {
      RedisCommands<byte[], byte[]> commands = commands();
      ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(FLUSH_BATCH);
      KeyScanCursor<byte[]> cursor = commands.scan(match);
      while (true) {
        List<byte[]> keys = cursor.getKeys();
        if (!keys.isEmpty()) {
          commands.unlink(keys.toArray(new byte[0][]));
        }
        if (cursor.isFinished()) {
          return;
        }
        cursor = commands.scan(ScanCursor.of(cursor.getCursor()), match);
      }
    }
  }
}
