package dev.restgate.internal.context;

import java.time.Instant;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * X-Ray style trace ids, the {@code X-Amzn-Trace-Id} value API Gateway puts into a Lambda proxy event and onto the
 * response: {@code Root=1-{epoch seconds, 8 hex}-{96 random bits, 24 hex}}.
 */
public final class TraceIds {
  private static final HexFormat HEX = HexFormat.of();

  private TraceIds() {}

  /**
   * A new trace id for a request received at {@code time}.
   *
   * @param random the source of the 96 random bits, e.g. {@code ThreadLocalRandom.current()}
   */
  public static String newTraceId(Instant time, RandomGenerator random) {
    return "Root=1-" + HEX.toHexDigits((int) time.getEpochSecond()) + '-' + HEX.toHexDigits(random.nextLong())
        + HEX.toHexDigits(random.nextInt());
  }
}
