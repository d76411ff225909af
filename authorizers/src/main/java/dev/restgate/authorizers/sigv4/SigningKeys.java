package dev.restgate.authorizers.sigv4;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derived signing keys, kept for their day: deriving one takes four HMACs, and a client signs all its requests of a day
 * with the same key. The secret is part of the cache key, so a rotated secret never meets a stale key.
 */
final class SigningKeys {
  private static final int MAXIMUM_SIZE = 4096;

  private final Cache<Scope, SecretKeySpec> keys = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).build();

  SecretKeySpec get(SigningCredential credential, String date, String region, String service) {
    return keys.get(new Scope(credential.accessKeyId(), credential.secretAccessKey(), date, region, service),
        SigningKeys::derive);
  }

  /** {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")} */
  private static SecretKeySpec derive(Scope scope) {
    Hashing hashing = new Hashing();
    byte[] key = ("AWS4" + scope.secretAccessKey).getBytes(StandardCharsets.UTF_8);
    for (String step : new String[] {scope.date, scope.region, scope.service, SignatureClaim.TERMINATOR}) {
      key = hashing.hmac(new SecretKeySpec(key, Hashing.HMAC_SHA256), step);
    }
    return new SecretKeySpec(key, Hashing.HMAC_SHA256);
  }

  private record Scope(String accessKeyId, String secretAccessKey, String date, String region, String service) {
    @Override
    public String toString() {
      return "Scope[" + accessKeyId + '/' + date + '/' + region + '/' + service + "]";
    }
  }
}
