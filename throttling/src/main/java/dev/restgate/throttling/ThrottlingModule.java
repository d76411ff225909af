package dev.restgate.throttling;

import dev.restgate.config.GatewayConfig;
import dev.restgate.config.StoreConfig;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.UsagePlanDirectory;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys, usage plans and throttles. The first configuration opens what lives as long as the gateway: the token
 * buckets (in this process, Redis or PostgreSQL, by {@code rateLimiting}), the account-level bucket and the usage
 * records (in the data directory or PostgreSQL, by {@code store}). Every configuration then compiles its keys and
 * plans into a {@link Throttling} for the plugin factories and a {@link UsagePlanDirectory} (keys, plans, usage
 * reports) for the control plane.
 */
public final class ThrottlingModule implements GatewayModule {
  private static final Logger LOG = LoggerFactory.getLogger(ThrottlingModule.class);

  private RateLimitingConfig rateLimiting;
  private StoreConfig store;
  private GatewayTimeMeter time;
  private Buckets buckets;
  private AccountThrottle account;
  private UsageRecords usage;
  /** Flushes the usage records, and connects a shared store at start. */
  private ScheduledExecutorService flusher;
  private long version;

  @Override
  public String name() {
    return "throttling";
  }

  @Override
  public void configure(ModuleContext context) throws ProblemsException {
    GatewayConfig config = context.config();
    UsagePlansConfig plans = config.section(UsagePlansConfig.class).orElse(UsagePlansConfig.NONE);
    StoreConfig storeConfig = config.section(StoreConfig.class).orElse(StoreConfig.EMBEDDED);
    version = Math.max(version + 1, context.clock().millis());
    if (buckets == null) {
      open(plans.rateLimiting(), storeConfig, context);
    } else {
      refuseChangedEngines(plans.rateLimiting(), storeConfig, config);
    }
    Shape accountShape = Shape.throttle(plans.rateLimiting().accountThrottle().burstLimit(),
        plans.rateLimiting().accountThrottle().rateLimit(), version);
    if (account == null) {
      account = new AccountThrottle(accountShape, time);
    }
    Throttling throttling = new Throttling(new KeyRing(plans.apiKeys(), plans.usagePlans(), plans.usagePlanKeys()),
        plans.usagePlans(), plans.rateLimiting().accountThrottle(), buckets, account, accountShape, usage, version);
    context.registerService(Throttling.class, throttling);
    if (buckets instanceof SharedBuckets shared) {
      context.registerHealthCheck(shared.healthCheck());
    }
    context.registerService(UsagePlanDirectory.class, new UsageReports(plans.apiKeys(), plans.usagePlanKeys(),
        throttling, context.clock()));
  }

  private void open(RateLimitingConfig limits, StoreConfig storeConfig, ModuleContext context)
      throws ProblemsException {
    Clock clock = context.clock();
    time = new GatewayTimeMeter(clock);
    UsageStore usageStore;
    try {
      usageStore = storeConfig.type().equals("postgresql")
          ? new PostgresUsageStore(storeConfig.url(), storeConfig.username(), storeConfig.password())
          : new FileUsageStore(context.dataDirectory().resolve("usage"));
    } catch (IOException e) {
      throw problem(context.config(), "/store", "the usage records could not be read: " + e.getMessage());
    }
    usage = new UsageRecords(usageStore, clock);
    buckets = switch (limits.backend()) {
      case "redis" -> new SharedBuckets(new RedisStore(limits.redisUri(), time), limits.failOpen(), clock);
      case "postgresql" -> new SharedBuckets(new PostgresStore(limits.url(), limits.username(), limits.password(),
          time), limits.failOpen(), clock);
      default -> new LocalBuckets(clock);
    };
    rateLimiting = limits;
    store = storeConfig;
    flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "restgate-throttling");
      thread.setDaemon(true);
      return thread;
    });
    flusher.scheduleWithFixedDelay(usage::flush, UsageRecords.FLUSH_SECONDS, UsageRecords.FLUSH_SECONDS,
        TimeUnit.SECONDS);
    if (buckets instanceof SharedBuckets shared) {
      flusher.execute(shared::connect);
    }
    LOG.info("Rate limits are counted in {} ({}); usage records are kept in {}", buckets.location(),
        limits.backend(), usageStore.location());
  }

  /** The engines are opened once; a configuration that names others needs a restart, and says so. */
  private void refuseChangedEngines(RateLimitingConfig limits, StoreConfig storeConfig, GatewayConfig config)
      throws ProblemsException {
    RateLimitingConfig engine = new RateLimitingConfig(limits.backend(), limits.redisUri(), limits.url(),
        limits.username(), limits.password(), rateLimiting.accountThrottle(), limits.failOpen());
    if (!engine.equals(rateLimiting)) {
      throw problem(config, "/rateLimiting", "the rate limiting engine changed (now " + rateLimiting
          + "); restart the gateway to use another one");
    }
    if (!storeConfig.equals(store)) {
      throw problem(config, "/store", "the store changed (now " + store + "); restart the gateway to use another");
    }
  }

  private static ProblemsException problem(GatewayConfig config, String pointer, String message) {
    String source = config.source() == null ? null : config.source().toString();
    return new ProblemsException("Invalid " + pointer.substring(1), List.of(new Problem(source, pointer, message)));
  }

  @Override
  public void close() {
    if (flusher != null) {
      flusher.shutdownNow();
    }
    if (usage != null) {
      usage.close();
    }
    if (buckets != null) {
      buckets.close();
    }
  }
}
