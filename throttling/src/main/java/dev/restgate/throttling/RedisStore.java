package dev.restgate.throttling;

import dev.restgate.config.ConfigRules;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Buckets in Redis through Bucket4j's Lettuce integration (compare-and-swap scripts). Keys start with
 * {@code restgate:} and expire once their bucket would be full again. Lettuce reconnects by itself; while it is
 * disconnected commands fail at once instead of queueing, so no request waits for Redis to come back.
 */
final class RedisStore implements SharedBuckets.Store {
  static final String KEY_PREFIX = "restgate:";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final String uri;
  private final TimeMeter time;
  private final RedisClient client;
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile ProxyManager<String> proxies;

  RedisStore(String uri, TimeMeter time) {
    this.uri = uri;
    this.time = time;
    this.client = RedisClient.create(RedisURI.create(uri));
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
        .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
        .build());
  }

  @Override
  public ProxyManager<String> proxies() {
    ProxyManager<String> current = proxies;
    return current != null ? current : connect();
  }

  /** The first connection; later losses are Lettuce's to repair. Throws while Redis cannot be reached. */
  private synchronized ProxyManager<String> connect() {
    if (proxies == null) {
      connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      proxies = Bucket4jLettuce.casBasedBuilder(connection)
          .expirationAfterWrite(SharedBuckets.EXPIRY)
          .clientClock(time)
          .requestTimeout(TIMEOUT)
          .build()
          .withMapper(key -> KEY_PREFIX + key);
    }
    return proxies;
  }

  @Override
  public void ping() throws Exception {
    proxies();
    connection.async().ping().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String location() {
    return ConfigRules.redisUriForLogs(uri);
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, byte[]> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, TIMEOUT);
  }
}
