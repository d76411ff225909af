package dev.restgate.authorizers.jwt;

import static dev.restgate.authorizers.jwt.Tokens.ISSUER;
import static dev.restgate.authorizers.jwt.Tokens.idClaims;
import static dev.restgate.authorizers.jwt.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.restgate.authorizers.jwt.TokenResult.Invalid;
import dev.restgate.authorizers.jwt.TokenResult.Valid;
import dev.restgate.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the cache fetches, counted at a JWKS server on loopback. */
class JwksCacheTest {
  private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
  private static final JwksCache.Settings SETTINGS =
      new JwksCache.Settings(Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(5), 100);
  private static RSAKey first;
  private static RSAKey second;

  private final MutableClock clock = new MutableClock(START);
  private JwksServer server;
  private CountingExecutor executor;
  private JwksCache cache;
  private JwtVerifier verifier;
  private TokenRules rules;

  @BeforeAll
  static void generateKeys() throws Exception {
    first = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    second = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
  }

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer();
    server.serve(first);
    executor = new CountingExecutor();
    use(SETTINGS);
  }

  @AfterEach
  void stop() {
    server.close();
    executor.close();
  }

  @Test
  void aFreshSetIsFetchedOnceAndServesEveryRequest() throws Exception {
    cache.prefetch(server.uri());
    assertThat(executor.awaitIdle()).isTrue();
    assertThat(server.hits()).isEqualTo(1);

    for (int second = 0; second < 15 * 60; second += 20) {
      assertThat(verify(first)).isInstanceOf(Valid.class);
      cache.prefetch(server.uri());
      clock.advance(Duration.ofSeconds(20));
    }
    assertThat(server.hits()).isEqualTo(1);
  }

  @Test
  void theFirstRequestWaitsForTheFetchUnderWay() throws Exception {
    CountDownLatch release = server.hold();
    cache.prefetch(server.uri());
    assertThat(server.awaitRequest()).isTrue();

    CompletableFuture<TokenResult> result = new CompletableFuture<>();
    Thread request = new Thread(() -> result.complete(verify(first)));
    request.start();
    awaitAllWaiting(List.of(request));
    assertThat(result).isNotDone();
    release.countDown();

    assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(Valid.class);
    assertThat(server.hits()).isEqualTo(1);
  }

  @Test
  void anUnknownKidRefetchesAtMostOncePerInterval() {
    assertThat(verify(first)).isInstanceOf(Valid.class);
    server.serve(second);

    assertThat(verify(second)).as("fetched just now: no refetch yet").isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(server.hits()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(30));
    assertThat(verify(second)).as("rotated in").isInstanceOf(Valid.class);
    assertThat(verify(first)).as("rotated out").isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verify(second)).isInstanceOf(Valid.class);
    assertThat(server.hits()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(29));
    assertThat(verify(first)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(server.hits()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(verify(first)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(server.hits()).isEqualTo(3);
  }

  @Test
  void concurrentRequestsWithAnUnknownKidShareOneFetch() throws Exception {
    assertThat(verify(first)).isInstanceOf(Valid.class);
    clock.advance(Duration.ofSeconds(31));
    server.serve(first, second);
    CountDownLatch release = server.hold();

    List<CompletableFuture<TokenResult>> results = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      CompletableFuture<TokenResult> result = new CompletableFuture<>();
      Thread thread = new Thread(() -> result.complete(verify(second)));
      results.add(result);
      threads.add(thread);
      thread.start();
    }
    assertThat(server.awaitRequest()).isTrue();
    awaitAllWaiting(threads);
    release.countDown();

    for (CompletableFuture<TokenResult> result : results) {
      assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(Valid.class);
    }
    assertThat(server.hits()).isEqualTo(2);
  }

  @Test
  void implausibleKidsAreRefusedWithoutAFetch() {
    assertThat(verify(first)).isInstanceOf(Valid.class);
    clock.advance(Duration.ofMinutes(1));

    for (String kid : List.of("k".repeat(10 * 1024), "k".repeat(JwksCache.MAX_KID_LENGTH + 1), "rsa-1\n", "rsa\u0000",
        "\u007f", "rsa-1\u0085", "")) {
      assertThat(verify(first, kid)).isEqualTo(Invalid.UNAUTHORIZED);
      assertThat(cache.key(server.uri(), kid)).isEmpty();
    }
    assertThat(cache.key(server.uri(), null)).isEmpty();
    assertThat(server.hits()).isEqualTo(1);
  }

  @Test
  void plausibleJunkKidsCostOneFetchPerIntervalAtMost() {
    assertThat(verify(first)).isInstanceOf(Valid.class);
    clock.advance(Duration.ofMinutes(1));

    for (int i = 0; i < 50; i++) {
      assertThat(verify(first, "../".repeat(i + 1) + "etc/passwd")).isEqualTo(Invalid.UNAUTHORIZED);
      assertThat(verify(first, "k".repeat(JwksCache.MAX_KID_LENGTH - i))).isEqualTo(Invalid.UNAUTHORIZED);
    }
    assertThat(server.hits()).isEqualTo(2);
  }

  @Test
  void aCachedSetOutlivesTheServer() throws Exception {
    assertThat(verify(first)).isInstanceOf(Valid.class);
    server.failWith(500);
    clock.advance(Duration.ofMinutes(16));

    String log = capturingStandardError(() -> {
      assertThat(verify(first)).isInstanceOf(Valid.class);
      assertThat(executor.awaitIdle()).isTrue();
    });

    assertThat(server.hits()).isEqualTo(2);
    assertThat(log).contains("HTTP 500").doesNotContain("SECRET-ERROR-BODY");
    assertThat(verify(first)).isInstanceOf(Valid.class);
    assertThat(verify(second)).isEqualTo(Invalid.UNAUTHORIZED);

    server.close();
    clock.advance(Duration.ofMinutes(16));
    assertThat(verify(first)).isInstanceOf(Valid.class);
    assertThat(executor.awaitIdle()).isTrue();
    assertThat(verify(first)).isInstanceOf(Valid.class);
  }

  @Test
  void aDocumentThatIsNoJwksKeepsTheSetThereWas() throws Exception {
    assertThat(verify(first)).isInstanceOf(Valid.class);
    server.serveDocument("{\"keys\": \"SECRET-DOCUMENT\"}");
    clock.advance(Duration.ofMinutes(16));

    String log = capturingStandardError(() -> {
      assertThat(verify(first)).isInstanceOf(Valid.class);
      assertThat(executor.awaitIdle()).isTrue();
    });

    assertThat(log).contains("not a JWKS document").doesNotContain("SECRET-DOCUMENT");
    assertThat(verify(first)).isInstanceOf(Valid.class);
  }

  @Test
  void withNoSetAndNoServerTokensAreRefused() {
    server.close();

    long started = System.nanoTime();
    assertThat(verify(first)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SETTINGS.maxWait());
    assertThat(verify(first)).as("no second fetch within the interval").isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void withNoSetARequestWaitsForAHangingServerOnlySoLong() throws Exception {
    Duration maxWait = Duration.ofMillis(300);
    use(new JwksCache.Settings(Duration.ofMinutes(15), Duration.ofSeconds(30), maxWait, 100));
    CountDownLatch release = server.hold();

    long started = System.nanoTime();
    assertThat(verify(first)).isEqualTo(Invalid.UNAUTHORIZED);
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    assertThat(waited).isGreaterThanOrEqualTo(maxWait).isLessThan(Duration.ofSeconds(3));
    release.countDown();
    assertThat(executor.awaitIdle()).isTrue();
    assertThat(verify(first)).as("the late answer serves later requests").isInstanceOf(Valid.class);
    assertThat(server.hits()).isEqualTo(1);
  }

  @Test
  void aStaleSetAnswersWhileItIsRefreshedInTheBackground() throws Exception {
    assertThat(verify(first)).isInstanceOf(Valid.class);
    server.serve(first, second);
    clock.advance(Duration.ofMinutes(15));
    CountDownLatch release = server.hold();

    assertThat(verify(first)).as("answered while the refresh is held").isInstanceOf(Valid.class);
    assertThat(server.awaitRequest()).as("the first fetch").isTrue();
    assertThat(server.awaitRequest()).as("the refresh").isTrue();
    release.countDown();
    assertThat(executor.awaitIdle()).isTrue();

    assertThat(verify(second)).isInstanceOf(Valid.class);
    assertThat(verify(first)).isInstanceOf(Valid.class);
    assertThat(server.hits()).isEqualTo(2);
  }

  @Test
  void privateAndSymmetricKeysInTheJwksAreNotUsed() throws Exception {
    RSAKey leaked = new RSAKeyGenerator(2048).keyID("leaked").generate();
    server.serveDocument(new JWKSet(List.of(first.toPublicJWK(), leaked)).toString(false));

    assertThat(verify(leaked)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verify(first)).isInstanceOf(Valid.class);
  }

  @Test
  void aFetchTheExecutorRefusesFailsClosed() {
    cache = new JwksCache(new HttpJwksFetcher(), task -> {
      throw new RejectedExecutionException("full");
    }, clock, SETTINGS);

    assertThat(cache.key(server.uri(), "rsa-1")).isEmpty();
    assertThat(server.hits()).isZero();
  }

  @Test
  void settingsMustBePositive() {
    assertThatThrownBy(() -> new JwksCache.Settings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JwksCache.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(-1), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JwksCache.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private void use(JwksCache.Settings settings) {
    cache = new JwksCache(new HttpJwksFetcher(), executor, clock, settings);
    verifier = new JwtVerifier(cache, clock);
    rules = new TokenRules(ISSUER, server.uri(), List.of(), null);
  }

  private TokenResult verify(RSAKey key) {
    return verifier.verify(sign(key, idClaims(clock.instant())), rules);
  }

  private TokenResult verify(RSAKey key, String kid) {
    String token = Tokens.sign(Tokens.signer(key), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
        Tokens.json(idClaims(clock.instant())));
    return verifier.verify(token, rules);
  }

  /** Until every thread is parked (waiting for the fetch) or done; a few milliseconds. */
  private static void awaitAllWaiting(List<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (threads.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE || t.getState() == Thread.State.NEW)
        && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  private static String capturingStandardError(Action action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
