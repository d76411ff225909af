package dev.restgate.authorizers.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.util.Set;

/**
 * A public key from a JWKS, ready to check signatures.
 *
 * @param algorithms the algorithms this key may verify: its JWK's {@code alg} when it names one, else every algorithm
 *     of its type (RS256/384/512 for RSA) or curve (ES256 for P-256, ...); a token's {@code alg} must be one of them
 * @param verifier thread-safe, so one instance serves every request
 */
record VerificationKey(Set<JWSAlgorithm> algorithms, JWSVerifier verifier) {
  VerificationKey {
    algorithms = Set.copyOf(algorithms);
  }
}
