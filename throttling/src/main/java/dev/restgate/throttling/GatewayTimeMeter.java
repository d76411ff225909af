package dev.restgate.throttling;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** The gateway's clock as Bucket4j reads time, so that tests drive buckets with a clock of their own. */
final class GatewayTimeMeter implements TimeMeter {
  private final Clock clock;

  GatewayTimeMeter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long currentTimeNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
