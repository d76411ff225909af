package dev.restgate.authorizers.jwt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@link JwtVerifier} concluded about a token. Immutable. */
public sealed interface TokenResult {

  /**
   * The token passed every check.
   *
   * @param claims every claim of the token, in token order, stringified as API Gateway hands them to
   *     {@code $context.authorizer.claims} (see {@link JwtVerifier})
   */
  record Valid(Map<String, String> claims) implements TokenResult {
    public Valid {
      claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }
  }

  /**
   * The token was refused; the caller answers 401 with {@code message}.
   *
   * @param message {@value #UNAUTHORIZED_MESSAGE}, or {@value #EXPIRED_MESSAGE} for a token that is genuine but
   *     expired
   */
  record Invalid(String message) implements TokenResult {
    public static final String UNAUTHORIZED_MESSAGE = "Unauthorized";
    public static final String EXPIRED_MESSAGE = "The incoming token has expired";
    /** Any refusal but expiry. */
    public static final Invalid UNAUTHORIZED = new Invalid(UNAUTHORIZED_MESSAGE);
    /** A genuine token past its {@code exp}. */
    public static final Invalid EXPIRED = new Invalid(EXPIRED_MESSAGE);
  }
}
