package dev.restgate.caching;

import dev.restgate.model.Integration;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.Stage;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import dev.restgate.spi.ServiceCallAuthorizer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds the cache plugin of each method its stage caches: the stage has {@code cacheClusterEnabled}, and the
 * method's caching is on, which for {@code GET} is the default (its own {@code methodSettings} entry, else
 * <code>*&#47;*</code>, may turn it off) and for every other verb takes its own entry's {@code cachingEnabled: true};
 * a TTL of 0 caches nothing.
 */
public final class CachePluginFactory implements PluginFactory<Void> {
  /** AWS's default TTL, in seconds. */
  static final int DEFAULT_TTL = 300;

  @Override
  public String name() {
    return "cache";
  }

  @Override
  public Phase phase() {
    return Phase.CACHE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    Stage stage = site.stage();
    StageCacheRegistry caches = site.service(StageCacheRegistry.class).orElse(null);
    StageCache cache = caches == null ? null : caches.stage(site.api().id(), stage.stageName());
    if (cache == null || !cached(site)) {
      return Optional.empty();
    }
    MethodSetting settings = site.methodSetting();
    int ttl = settings.cacheTtlInSeconds() == null ? DEFAULT_TTL : settings.cacheTtlInSeconds();
    Integration integration = site.method().methodIntegration();
    if (ttl == 0 || integration != null && integration.streams()) {
      // AWS turns the stage cache off for methods whose response streams.
      return Optional.empty();
    }
    String namespace = integration == null || integration.cacheNamespace() == null ? site.resource().id()
        : integration.cacheNamespace();
    List<String> parameters = integration == null ? List.of() : integration.cacheKeyParameters();
    CacheKeys keys = CacheKeys.compile(namespace, parameters, site.method());
    boolean canaryUsesCache = stage.canarySettings() != null
        && Boolean.TRUE.equals(stage.canarySettings().useStageCache());
    CachePlugin.Invalidation invalidation = new CachePlugin.Invalidation(
        !Boolean.FALSE.equals(settings.requireAuthorizationForCacheControl()),
        settings.unauthorizedCacheControlHeaderStrategy() == null
            ? CachePlugin.Strategy.SUCCEED_WITH_RESPONSE_HEADER
            : CachePlugin.Strategy.valueOf(settings.unauthorizedCacheControlHeaderStrategy()),
        site.service(ServiceCallAuthorizer.class).orElse(null), site.methodArn());
    return Optional.of(new CachePlugin(cache, keys, Duration.ofSeconds(ttl), canaryUsesCache, invalidation));
  }

  /** Whether the method's settings cache it: GET unless turned off, other verbs when their own entry turns it on. */
  private static boolean cached(MethodSite site) {
    String verb = site.method().httpMethod();
    if (verb.equals("GET")) {
      return !Boolean.FALSE.equals(site.methodSetting().cachingEnabled());
    }
    MethodSetting own = site.stage().methodSettings().get(MethodSetting.key(site.resource().path(), verb));
    return own != null && Boolean.TRUE.equals(own.cachingEnabled());
  }
}
