package dev.restgate.caching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Entries in memory: their own TTLs on the gateway's clock, and a capacity in bytes. */
class LocalStageStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

  private static CachedResponse response(int bodyBytes) {
    return CachedResponse.of(new GatewayResponse(200, new Headers().add("Content-Type", "text/plain"), Body.empty()),
        new byte[bodyBytes]);
  }

  @Test
  void eachEntryExpiresItsOwnTtlAfterItWasWritten() {
    LocalStageStore store = new LocalStageStore(1 << 20, clock);
    store.put("short", response(10), Duration.ofSeconds(5));
    store.put("long", response(10), Duration.ofSeconds(60));

    clock.advance(Duration.ofSeconds(4));
    assertThat(store.get("short")).isNotNull();
    store.put("long", response(20), Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(2));
    assertThat(store.get("short")).isNull();

    clock.advance(Duration.ofSeconds(57));
    assertThat(store.get("long")).isNotNull();
    clock.advance(Duration.ofSeconds(2));
    assertThat(store.get("long")).isNull();
  }

  @Test
  void entriesBeyondTheCapacityAreEvicted() {
    LocalStageStore store = new LocalStageStore(100_000, clock);
    for (int i = 0; i < 20; i++) {
      store.put("entry" + i, response(10_000), Duration.ofSeconds(60));
    }
    int kept = 0;
    for (int i = 0; i < 20; i++) {
      kept += store.get("entry" + i) == null ? 0 : 1;
    }
    assertThat(kept).isBetween(1, 9);
  }
}
