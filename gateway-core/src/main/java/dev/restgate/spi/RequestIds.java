package dev.restgate.spi;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids AWS hands out per request: a UUID request id (API Gateway's {@code x-amzn-RequestId}, Lambda's request id)
 * and API Gateway's short base64 extended id. Thread-safe; never blocks (no {@code SecureRandom}).
 */
public final class RequestIds {
  private RequestIds() {}

  /** A random (version 4) UUID, without the cost of {@code SecureRandom}: these ids identify, they do not protect. */
  public static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** 16 characters like {@code BE0bQG3XIAMEhsw=}, the shape of {@code x-amz-apigw-id}. */
  public static String extendedRequestId() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
