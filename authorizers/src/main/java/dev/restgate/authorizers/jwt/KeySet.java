package dev.restgate.authorizers.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signing keys of one JWKS document, by {@code kid}, as fetched at {@code fetchedAt}.
 *
 * @param secretKeys how many keys were left out because they were private or symmetric: a JWKS that publishes secrets
 *     is misconfigured, which the cache reports once
 */
record KeySet(Map<String, VerificationKey> keys, Instant fetchedAt, int secretKeys) {
  /** RSA keys shorter than this are left out: RFC 7518 asks for 2048 bits, and Cognito's are 2048. */
  static final int MIN_RSA_BITS = 2048;
  private static final Set<JWSAlgorithm> RSA_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
  private static final Map<Curve, JWSAlgorithm> EC_ALGORITHMS =
      Map.of(Curve.P_256, JWSAlgorithm.ES256, Curve.P_384, JWSAlgorithm.ES384, Curve.P_521, JWSAlgorithm.ES512);

  KeySet {
    keys = Map.copyOf(keys);
  }

  VerificationKey get(String kid) {
    return keys.get(kid);
  }

  boolean isStale(Instant now, Duration refreshInterval) {
    return !now.isBefore(fetchedAt.plus(refreshInterval));
  }

  /**
   * Reads a JWKS document. Keys that cannot serve as public signature keys for RS256/384/512 or ES256/384/512 are left
   * out one by one (a malformed key, another type or curve, {@code use} other than {@code sig}, {@code key_ops}
   * without {@code verify}, no {@code kid}), so that one odd key does not cost the others; of two keys with one
   * {@code kid}, the first counts.
   *
   * @throws ParseException when the document is not a JSON object with a {@code keys} array
   */
  static KeySet parse(String document, Instant fetchedAt) throws ParseException {
    List<Object> entries = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(document), "keys");
    if (entries == null) {
      throw new ParseException("no keys array", 0);
    }
    Map<String, VerificationKey> keys = new HashMap<>();
    int secretKeys = 0;
    for (Object entry : entries) {
      JWK jwk = jwk(entry);
      if (jwk == null) {
        continue;
      }
      if (jwk.isPrivate() || jwk instanceof OctetSequenceKey) {
        secretKeys++;
        continue;
      }
      VerificationKey key = verificationKey(jwk);
      if (key != null) {
        keys.putIfAbsent(jwk.getKeyID(), key);
      }
    }
    return new KeySet(keys, fetchedAt, secretKeys);
  }

  private static JWK jwk(Object entry) {
    if (!(entry instanceof Map<?, ?> map)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> members = (Map<String, Object>) map;
    try {
      return JWK.parse(members);
    } catch (ParseException e) {
      return null;
    }
  }

  private static VerificationKey verificationKey(JWK jwk) {
    boolean signing = jwk.getKeyUse() == null || jwk.getKeyUse().equals(KeyUse.SIGNATURE);
    boolean verifying = jwk.getKeyOperations() == null || jwk.getKeyOperations().contains(KeyOperation.VERIFY);
    if (jwk.getKeyID() == null || !signing || !verifying) {
      return null;
    }
    try {
      if (jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
        Set<JWSAlgorithm> algorithms = allowed(jwk, RSA_ALGORITHMS);
        return algorithms.isEmpty() ? null : new VerificationKey(algorithms, new RSASSAVerifier(rsa));
      }
      if (jwk instanceof ECKey ec && EC_ALGORITHMS.containsKey(ec.getCurve())) {
        Set<JWSAlgorithm> algorithms = allowed(jwk, Set.of(EC_ALGORITHMS.get(ec.getCurve())));
        return algorithms.isEmpty() ? null : new VerificationKey(algorithms, new ECDSAVerifier(ec));
      }
    } catch (JOSEException e) {
      return null;
    }
    return null;
  }

  /** A JWK's {@code alg}, where present, narrows what its type allows; one outside that allows nothing. */
  private static Set<JWSAlgorithm> allowed(JWK jwk, Set<JWSAlgorithm> byType) {
    if (jwk.getAlgorithm() == null) {
      return byType;
    }
    JWSAlgorithm named = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
    return byType.contains(named) ? Set.of(named) : Set.of();
  }
}
