package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.QuotaSettings;
import dev.restgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Token buckets in this process, driven by the gateway's clock. */
class LocalBucketsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final LocalBuckets buckets = new LocalBuckets(clock);

  private int admitted(String key, Shape shape, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (buckets.tryConsume(key, shape, Buckets.FULL)) {
        admitted++;
      }
    }
    return admitted;
  }

  @Test
  void aThrottleAdmitsItsBurstAtOnceThenItsRatePerSecond() {
    Shape shape = Shape.throttle(10, 5, 1);
    assertThat(admitted("k", shape, 20)).isEqualTo(10);
    clock.advance(Duration.ofSeconds(1));
    assertThat(admitted("k", shape, 20)).isEqualTo(5);
    clock.advance(Duration.ofMillis(200));
    assertThat(admitted("k", shape, 20)).isEqualTo(1);
    assertThat(admitted("k", shape, 1)).isZero();
  }

  @Test
  void fractionalRatesRefillOneTokenPerFractionOfASecond() {
    Shape shape = Shape.throttle(1, 0.5, 1);
    assertThat(admitted("k", shape, 3)).isEqualTo(1);
    clock.advance(Duration.ofMillis(1999));
    assertThat(admitted("k", shape, 1)).isZero();
    clock.advance(Duration.ofMillis(1));
    assertThat(admitted("k", shape, 3)).isEqualTo(1);
  }

  @Test
  void aBurstOfZeroAdmitsNothingAndARateOfZeroNeverRefills() {
    assertThat(admitted("none", Shape.throttle(0, 100, 1), 5)).isZero();
    Shape once = Shape.throttle(2, 0, 1);
    assertThat(admitted("once", once, 5)).isEqualTo(2);
    clock.advance(Duration.ofDays(30));
    assertThat(admitted("once", once, 5)).isZero();
  }

  @Test
  void bucketsAreSeparateByKey() {
    Shape shape = Shape.throttle(1, 1, 1);
    assertThat(admitted("a", shape, 2)).isEqualTo(1);
    assertThat(admitted("b", shape, 2)).isEqualTo(1);
  }

  @Test
  void aQuotaBucketNeverRefillsWithinItsWindowAndStartsWithWhatWasLeftBefore() {
    Shape quota = Shape.quota(new QuotaSettings(5, 0, "DAY"), 1);
    assertThat(buckets.tryConsume("q", quota, () -> 2)).isTrue();
    assertThat(buckets.tryConsume("q", quota, () -> 2)).isTrue();
    assertThat(buckets.tryConsume("q", quota, () -> 2)).isFalse();
    clock.advance(Duration.ofHours(23));
    assertThat(buckets.tryConsume("q", quota, Buckets.FULL)).isFalse();
  }

  @Test
  void aFilledBucketHoldsExactlyThatManyTokensAndAnExtensionMayHoldMoreThanTheLimit() {
    QuotaSettings daily = new QuotaSettings(5, 0, "DAY");
    assertThat(admitted("q", Shape.quota(daily, 1), 2)).isEqualTo(2);
    buckets.fill("q", Shape.quota(daily, 1), 1);
    assertThat(buckets.available("q", Shape.quota(daily, 1), Buckets.FULL)).isEqualTo(1);
    assertThat(admitted("q", Shape.quota(daily, 2), 3)).isEqualTo(1);

    buckets.fill("x", Shape.extension(daily, 1), 1000);
    clock.advance(Duration.ofHours(23));
    assertThat(admitted("x", Shape.extension(daily, 1), 2000)).isEqualTo(1000);
    assertThat(buckets.tryConsume("none", Shape.extension(daily, 1), () -> 0)).isFalse();
  }

  @Test
  void aNewerShapeReplacesTheOldOneAndKeepsWhatWasUsed() {
    assertThat(admitted("k", Shape.throttle(5, 0, 1), 3)).isEqualTo(3);
    assertThat(admitted("k", Shape.throttle(10, 0, 2), 20)).isEqualTo(7);
    assertThat(admitted("k", Shape.throttle(4, 0, 1), 20)).isZero();
  }
}
