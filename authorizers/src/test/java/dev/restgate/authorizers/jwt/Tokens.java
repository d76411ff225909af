package dev.restgate.authorizers.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mints tokens for the tests, Cognito-shaped unless a test says otherwise. */
final class Tokens {
  static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test01";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tokens() {
  }

  /** The claims of a Cognito ID token issued at {@code now}, valid for an hour, in Cognito's order. */
  static Map<String, Object> idClaims(Instant now) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    claims.put("cognito:groups", new String[] {"admin", "users"});
    claims.put("email_verified", true);
    claims.put("iss", ISSUER);
    claims.put("cognito:username", "janedoe");
    claims.put("aud", "client-1");
    claims.put("token_use", "id");
    claims.put("auth_time", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + 3600);
    claims.put("iat", now.getEpochSecond());
    claims.put("email", "jane@example.com");
    return claims;
  }

  /** The claims of a Cognito access token with {@code scope}: no {@code aud}, a {@code client_id} instead. */
  static Map<String, Object> accessClaims(Instant now, String scope) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    claims.put("iss", ISSUER);
    claims.put("client_id", "client-1");
    claims.put("token_use", "access");
    claims.put("scope", scope);
    claims.put("auth_time", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + 3600);
    claims.put("iat", now.getEpochSecond());
    claims.put("username", "janedoe");
    return claims;
  }

  /** Signed by {@code key} with its {@code kid} and the usual algorithm of its type. */
  static String sign(JWK key, Map<String, Object> claims) {
    JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    return sign(signer(key), new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), json(claims));
  }

  static String sign(JWSSigner signer, JWSHeader header, String payload) {
    JWSObject jws = new JWSObject(header, new Payload(payload));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  static JWSSigner signer(JWK key) {
    try {
      return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner(key.toRSAKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A compact token from raw JSON parts, signed or not: for what no honest signer would produce. */
  static String compact(String header, String payload, String signature) {
    return Base64URL.encode(header) + "." + Base64URL.encode(payload) + "." + signature;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
