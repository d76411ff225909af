package dev.restgate.internal.integration;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** X-Ray style trace ids as API Gateway adds them: {@code Root=1-{8 hex epoch seconds}-{24 hex}}. */
final class TraceIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TraceIds() {}

  static String newTraceId(Instant now) {
    StringBuilder sb = new StringBuilder(40).append("Root=1-");
    String seconds = Long.toHexString(now.getEpochSecond());
    for (int i = seconds.length(); i < 8; i++) {
      sb.append('0');
    }
    sb.append(seconds).append('-');
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 24; i++) {
      sb.append(HEX[random.nextInt(16)]);
    }
    return sb.toString();
  }
}
