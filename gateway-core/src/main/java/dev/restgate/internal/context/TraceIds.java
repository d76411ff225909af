package dev.restgate.internal.context;

import dev.restgate.spi.Exchange;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * X-Ray style trace ids, the {@code X-Amzn-Trace-Id} value API Gateway puts into a Lambda proxy event and onto the
 * response: {@code Root=1-{epoch seconds, 8 hex}-{96 random bits, 24 hex}}.
 */
public final class TraceIds {
  private static final HexFormat HEX = HexFormat.of();

  private TraceIds() {}

  /**
   * The {@code X-Amzn-Trace-Id} of {@code exchange}: for a traced request ({@link Exchange#traceparent()}) its W3C
   * trace id split as X-Ray writes it, with the parent span and the sampled flag, so both headers name one trace;
   * otherwise a new id.
   */
  public static String of(Exchange exchange) {
    String traceparent = exchange.traceparent();
    if (traceparent == null) {
      return newTraceId(exchange.requestTime(), ThreadLocalRandom.current());
    }
    // 00-{32 hex trace id}-{16 hex span id}-{2 hex flags}, checked when the slot was set.
    return "Root=1-" + traceparent.substring(3, 11) + '-' + traceparent.substring(11, 35) + ";Parent="
        + traceparent.substring(36, 52) + ";Sampled=" + (Character.digit(traceparent.charAt(54), 16) & 1);
  }

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
