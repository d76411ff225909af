package dev.restgate.caching;

import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.model.Stage;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.HealthCheck;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.StageCaches;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage caches. The first configuration opens where entries live (this process, or Redis by the {@code cache}
 * section); every configuration then gets a cache for each stage with {@code cacheClusterEnabled}, keeping the
 * cache a stage had before when its capacity did not change (as AWS keeps a cache cluster until it is resized), and
 * registers them as {@link StageCaches} for flushes and counts.
 */
public final class CachingModule implements GatewayModule {
  private static final Logger LOG = LoggerFactory.getLogger(CachingModule.class);
  /** What {@code cacheClusterSize} means when a stage enables its cache without one, as AWS's default. */
  private static final String DEFAULT_SIZE = "0.5";
  private static final long GIB = 1L << 30;

  private CacheConfig engine;
  private RedisEntries redis;
  private Clock clock;
  /** The caches of the last configuration, by stage; what the next one keeps. */
  private Map<String, StageCache> caches = Map.of();
  private final Map<String, StageCache.Counts> counts = new HashMap<>();

  @Override
  public String name() {
    return "caching";
  }

  @Override
  public void configure(ModuleContext context) throws ProblemsException {
    GatewayConfig config = context.config();
    CacheConfig wanted = config.section(CacheConfig.class).orElse(CacheConfig.LOCAL);
    if (engine == null) {
      open(wanted, context);
    } else if (!wanted.equals(engine)) {
      String source = config.source() == null ? null : config.source().toString();
      throw new ProblemsException("Invalid cache", List.of(new Problem(source, "/cache",
          "the stage cache store changed (now " + engine.location() + "); restart the gateway to use another")));
    }
    Map<String, StageCache> next = new HashMap<>();
    long memory = 0;
    for (ApiConfig api : config.restApis()) {
      for (Stage stage : api.stages()) {
        if (!Boolean.TRUE.equals(stage.cacheClusterEnabled())) {
          continue;
        }
        String id = StageCacheRegistry.id(api.id(), stage.stageName());
        long capacity = capacity(stage.cacheClusterSize());
        StageCache kept = caches.get(id);
        next.put(id, kept != null && kept.capacityBytes() == capacity ? kept
            : new StageCache(store(api.id(), stage.stageName(), capacity), capacity,
                counts.computeIfAbsent(id, any -> new StageCache.Counts())));
        memory += capacity;
      }
    }
    if (redis == null && memory > Runtime.getRuntime().maxMemory()) {
      LOG.warn("The stage caches may hold up to {} MiB, more than this JVM's maximum heap ({} MiB): give the JVM "
          + "more memory (-Xmx), choose smaller cacheClusterSize values, or keep the caches in Redis",
          memory / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
    }
    caches = next;
    StageCacheRegistry registry = new StageCacheRegistry(next);
    context.registerService(StageCacheRegistry.class, registry);
    context.registerService(StageCaches.class, registry);
    if (redis != null) {
      RedisEntries entries = redis;
      context.registerHealthCheck(new HealthCheck() {
        @Override
        public String name() {
          return "cache";
        }

        @Override
        public Optional<String> problem() {
          return entries.problem();
        }
      });
    }
  }

  private void open(CacheConfig wanted, ModuleContext context) {
    engine = wanted;
    clock = context.clock();
    if (wanted.backend().equals("redis")) {
      redis = new RedisEntries(wanted.redisUri());
    }
    LOG.info("Stage caches are kept in {}", wanted.location());
  }

  private StageStore store(String apiId, String stageName, long capacity) {
    return redis != null ? redis.stage(apiId, stageName) : new LocalStageStore(capacity, clock);
  }

  /** The bytes of a {@code cacheClusterSize} in GB (taken as GiB). */
  static long capacity(String size) {
    return new BigDecimal(size == null ? DEFAULT_SIZE : size).multiply(BigDecimal.valueOf(GIB)).longValue();
  }

  @Override
  public void close() {
    if (redis != null) {
      redis.close();
    }
  }
}
