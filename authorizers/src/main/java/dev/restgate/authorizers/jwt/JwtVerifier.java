package dev.restgate.authorizers.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import dev.restgate.authorizers.jwt.TokenResult.Invalid;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a token the way an API Gateway {@code COGNITO_USER_POOLS} authorizer does, in this order:
 * <ol>
 *   <li>the header value, at most {@value #MAX_TOKEN_CHARS} characters, is a compact JWS, optionally after a
 *   {@code Bearer } prefix (any case): API Gateway wants the bare token, but clients that follow RFC 6750 send the
 *   prefix, and accepting it gives away nothing;
 *   <li>its {@code alg} is RS256/384/512 or ES256/384/512 (never {@code none} nor HMAC, whose "secret" could be the
 *   public key), it has a {@code kid}, no {@code crit}, and no key or key location of its own ({@code jwk},
 *   {@code jku}, {@code x5u}, {@code x5c}): keys come from {@link TokenRules#jwksUri()} only;
 *   <li>the {@code kid}'s key from {@link JwksCache} allows that {@code alg}, and the signature verifies;
 *   <li>the payload is one JSON object with distinct names, {@code iss} equals {@link TokenRules#issuer()};
 *   <li>{@code exp} is a NumericDate and not reached: an expired token, and only a genuine one, is answered
 *   {@value Invalid#EXPIRED_MESSAGE};
 *   <li>{@code nbf} and {@code iat}, when present, are NumericDates no later than now plus {@link #CLOCK_SKEW};
 *   <li>{@code token_use} is {@code id} when the method has no scopes, else {@code access} with one of the scopes in
 *   its space-separated {@code scope};
 *   <li>with an audience pattern, {@code aud} is one string that matches it whole (access tokens have none, so they
 *   are refused).
 * </ol>
 * Every other refusal is {@value Invalid#UNAUTHORIZED_MESSAGE}. Tokens and signatures are never logged; refusals are,
 * at debug level, with their reason and {@code kid}.
 *
 * <p>Thread-safe and stateless: one instance serves every request. {@link #verify} throws nothing for any token.
 */
public final class JwtVerifier {
  /** Larger header values are refused unread: Cognito's tokens are 1 to 2 KB, and parsing costs memory. */
  public static final int MAX_TOKEN_CHARS = 16 * 1024;
  /**
   * How far in the future {@code nbf} and {@code iat} may be: they come from the issuer's clock, which may run a little
   * ahead of ours. {@code exp} gets no such grace; a token is refused from the second it names.
   */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
  private static final String BEARER = "Bearer ";
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
  private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

  private final JwksCache keys;
  private final Clock clock;

  public JwtVerifier(JwksCache keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Checks {@code token}, the raw value of the authorizer's identity header (null when the request had none), against
   * {@code rules}. May wait for a JWKS fetch, at most {@link JwksCache.Settings#maxWait()}.
   */
  public TokenResult verify(String token, TokenRules rules) {
    Objects.requireNonNull(rules, "rules");
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      return refuse(token == null ? "no token" : "token too large", null);
    }
    boolean bearer = token.regionMatches(true, 0, BEARER, 0, BEARER.length());
    String compact = bearer ? token.substring(BEARER.length()) : token;
    JWSObject jws;
    try {
      jws = JWSObject.parse(compact);
    } catch (ParseException e) {
      return refuse("not a compact JWS", null);
    }
    JWSHeader header = jws.getHeader();
    String kid = header.getKeyID();
    String problem = headerProblem(header);
    if (problem != null) {
      return refuse(problem, kid);
    }
    Optional<VerificationKey> key = keys.key(rules.jwksUri(), kid);
    if (key.isEmpty()) {
      return refuse("no key for kid", kid);
    }
    if (!key.get().algorithms().contains(header.getAlgorithm())) {
      return refuse("alg " + header.getAlgorithm() + " is not one of the key's " + key.get().algorithms(), kid);
    }
    if (!signatureVerifies(jws, key.get())) {
      return refuse("bad signature", kid);
    }
    TokenClaims claims;
    try {
      claims = TokenClaims.parse(jws.getPayload().toString());
    } catch (IOException e) {
      return refuse("payload is not a JSON object", kid);
    }
    return checkClaims(claims, rules, kid);
  }

  private static String headerProblem(JWSHeader header) {
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      return "alg not allowed";
    }
    if (header.getCriticalParams() != null) {
      return "crit header";
    }
    if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
        || header.getX509CertChain() != null) {
      return "the token names its own key";
    }
    return header.getKeyID() == null ? "no kid" : null;
  }

  private static boolean signatureVerifies(JWSObject jws, VerificationKey key) {
    try {
      return jws.verify(key.verifier());
    } catch (JOSEException e) {
      return false;
    }
  }

  private TokenResult checkClaims(TokenClaims claims, TokenRules rules, String kid) {
    if (!rules.issuer().equals(claims.text("iss"))) {
      return refuse("iss is not the issuer's", kid);
    }
    Instant now = clock.instant();
    Instant expiry = claims.instant("exp");
    if (expiry == null) {
      return refuse("exp missing or not a NumericDate", kid);
    }
    if (!now.isBefore(expiry)) {
      LOG.debug("JWT refused: expired (kid {})", kid);
      return Invalid.EXPIRED;
    }
    Instant latest = now.plus(CLOCK_SKEW);
    for (String name : new String[] {"nbf", "iat"}) {
      if (claims.has(name)) {
        Instant date = claims.instant(name);
        if (date == null || date.isAfter(latest)) {
          return refuse(name + " is not a NumericDate, or in the future", kid);
        }
      }
    }
    String tokenUse = claims.text("token_use");
    if (rules.scopes().isEmpty()) {
      if (!"id".equals(tokenUse)) {
        return refuse("not an ID token", kid);
      }
    } else if (!"access".equals(tokenUse)) {
      return refuse("not an access token", kid);
    } else if (!hasScope(claims.text("scope"), rules)) {
      return refuse("none of the method's scopes", kid);
    }
    if (rules.audiencePattern() != null) {
      String audience = claims.single("aud");
      if (audience == null || !rules.audiencePattern().matcher(audience).matches()) {
        return refuse("aud does not match", kid);
      }
    }
    return new TokenResult.Valid(claims.strings());
  }

  private static boolean hasScope(String scope, TokenRules rules) {
    return scope != null && Arrays.stream(scope.split(" ")).anyMatch(rules.scopes()::contains);
  }

  private static Invalid refuse(String reason, String kid) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("JWT refused: {} (kid {})", reason, JwksCache.isPlausibleKid(kid) ? kid : "absent or implausible");
    }
    return Invalid.UNAUTHORIZED;
  }
}
