package dev.restgate.authorizers.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of JWKS documents, by URI, for {@link JwtVerifier}. Meant to live as long as the gateway and to be
 * shared by every configuration it loads, so that a reload finds the keys already there.
 *
 * <p>A request never waits for a fetch while its key is in a fresh set. A stale set (older than {@link
 * Settings#refreshInterval()}) still answers, and is refreshed in the background. A {@code kid} the set does not know
 * (the issuer may have rotated its keys) causes a refetch, but fetches of one URI start at most once every {@link
 * Settings#minRefetchInterval()} and never overlap: concurrent requests wait for the one fetch under way, up to
 * {@link Settings#maxWait()}, or are refused. A failed fetch keeps the set there was; with no set at all, keys are not
 * found and tokens are refused (fail closed).
 *
 * <p>Thread-safe. No method throws for a fetch or parse failure; those are logged as warnings.
 */
public final class JwksCache {
  /** Longer {@code kid} values are refused unseen: Cognito's are 44 characters. */
  static final int MAX_KID_LENGTH = 256;
  /** Larger documents are refused: a JWKS holds a handful of keys of about 0.5 KB each. */
  static final int MAX_DOCUMENT_CHARS = 1 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

  private final JwksFetcher fetcher;
  private final Executor executor;
  private final Clock clock;
  private final Settings settings;
  private final Cache<URI, Source> sources;

  /**
   * How the cache refreshes and waits.
   *
   * @param refreshInterval how long a fetched set counts as fresh; after that it still answers while a background
   *     fetch replaces it
   * @param minRefetchInterval the least time between two fetches of one URI, whatever asks for them
   * @param maxWait how long a request waits for a fetch under way when it has no key to use otherwise
   * @param maxUris how many JWKS URIs are kept; beyond that the least used are dropped and fetched again when needed
   */
  public record Settings(Duration refreshInterval, Duration minRefetchInterval, Duration maxWait, int maxUris) {
    /** 15 minutes fresh, one fetch per URI every 30 s at most, 5 s of waiting, 1,000 URIs. */
    public static final Settings DEFAULTS =
        new Settings(Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(5), 1_000);

    /** @throws IllegalArgumentException when a duration is not positive, or {@code maxUris} is less than 1 */
    public Settings {
      for (Duration duration : new Duration[] {refreshInterval, minRefetchInterval, maxWait}) {
        if (duration.isNegative() || duration.isZero()) {
          throw new IllegalArgumentException("durations must be positive: " + duration);
        }
      }
      if (maxUris < 1) {
        throw new IllegalArgumentException("maxUris must be at least 1: " + maxUris);
      }
    }
  }

  /**
   * @param fetcher reads JWKS documents; called on {@code executor} only
   * @param executor runs fetches, which block for as long as {@code fetcher} does; a rejected fetch counts as failed
   * @param clock decides freshness and the spacing of fetches (waits for a fetch use real time)
   */
  public JwksCache(JwksFetcher fetcher, Executor executor, Clock clock, Settings settings) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sources = Caffeine.newBuilder().maximumSize(settings.maxUris()).build();
  }

  /**
   * Starts a background fetch of {@code uri} unless its set is fresh, so that the first request usually finds keys.
   * Returns at once.
   */
  public void prefetch(URI uri) {
    Source source = source(uri);
    Instant now = clock.instant();
    KeySet keys = source.keys;
    if (keys == null || keys.isStale(now, settings.refreshInterval())) {
      source.load(now);
    }
  }

  /**
   * The key for {@code kid} in the set of {@code uri}, fetching as the class describes; empty when there is none, the
   * set could not be had in time, or {@code kid} is not a plausible key id ({@link #isPlausibleKid}).
   */
  Optional<VerificationKey> key(URI uri, String kid) {
    if (!isPlausibleKid(kid)) {
      return Optional.empty();
    }
    Source source = source(uri);
    Instant now = clock.instant();
    KeySet keys = source.keys;
    if (keys != null) {
      if (keys.isStale(now, settings.refreshInterval())) {
        source.load(now);
      }
      VerificationKey key = keys.get(kid);
      if (key != null) {
        return Optional.of(key);
      }
    }
    CompletableFuture<Void> load = source.load(now);
    if (load != null) {
      await(load);
    }
    // Looked at again even without a load of our own: another request's fetch may have just brought the key.
    KeySet latest = source.keys;
    return latest == null ? Optional.empty() : Optional.ofNullable(latest.get(kid));
  }

  /**
   * Whether {@code kid} may be looked up at all: not empty, at most {@value #MAX_KID_LENGTH} characters, no control
   * characters. Anything else is attacker-chosen junk, refused before it can cause a fetch or reach a log.
   */
  static boolean isPlausibleKid(String kid) {
    return kid != null && !kid.isEmpty() && kid.length() <= MAX_KID_LENGTH
        && kid.chars().noneMatch(Character::isISOControl);
  }

  private Source source(URI uri) {
    return sources.get(Objects.requireNonNull(uri, "uri"), Source::new);
  }

  private void await(CompletableFuture<Void> load) {
    try {
      load.get(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      // The caller uses whatever set is there; the fetch, if still running, lands for later requests.
    }
  }

  /** One JWKS URI: its current set and the one fetch that may be under way. */
  private final class Source {
    private final URI uri;
    private final AtomicBoolean secretsReported = new AtomicBoolean();
    private volatile KeySet keys;
    /** Guarded by this: the fetch under way, or null. */
    private CompletableFuture<Void> loading;
    /** Guarded by this: when the last fetch started, or null before the first. */
    private Instant lastStart;

    Source(URI uri) {
      this.uri = uri;
    }

    /**
     * The fetch under way, or a new one when the last started at least {@link Settings#minRefetchInterval()} ago;
     * null when neither.
     */
    CompletableFuture<Void> load(Instant now) {
      CompletableFuture<Void> started;
      synchronized (this) {
        if (loading != null) {
          return loading;
        }
        if (lastStart != null && now.isBefore(lastStart.plus(settings.minRefetchInterval()))) {
          return null;
        }
        lastStart = now;
        started = new CompletableFuture<>();
        loading = started;
      }
      try {
        executor.execute(() -> fetch(started));
      } catch (RejectedExecutionException e) {
        LOG.warn("JWKS fetch from {} not started: the executor refused it", uri);
        finish(started);
      }
      return started;
    }

    private void fetch(CompletableFuture<Void> done) {
      try {
        String document = fetcher.fetch(uri);
        if (document.length() > MAX_DOCUMENT_CHARS) {
          LOG.warn("JWKS from {} refused: {} characters, more than {}", uri, document.length(), MAX_DOCUMENT_CHARS);
          return;
        }
        KeySet fetched = KeySet.parse(document, clock.instant());
        if (fetched.secretKeys() > 0 && secretsReported.compareAndSet(false, true)) {
          LOG.warn("JWKS from {} publishes {} private or symmetric key(s); they are ignored, and the issuer should "
              + "stop publishing them", uri, fetched.secretKeys());
        }
        keys = fetched;
      } catch (IOException e) {
        LOG.warn("JWKS fetch from {} failed; the keys fetched before, if any, stay: {}", uri, e.toString());
      } catch (ParseException e) {
        // The parser's message may quote the document, which is not ours to log.
        LOG.warn("JWKS from {} is not a JWKS document; the keys fetched before, if any, stay", uri);
      } catch (RuntimeException e) {
        LOG.warn("JWKS fetch from {} failed; the keys fetched before, if any, stay", uri, e);
      } finally {
        finish(done);
      }
    }

    private void finish(CompletableFuture<Void> done) {
      synchronized (this) {
        loading = null;
      }
      done.complete(null);
    }
  }
}
