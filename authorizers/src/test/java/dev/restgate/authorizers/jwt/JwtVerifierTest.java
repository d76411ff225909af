package dev.restgate.authorizers.jwt;

import static dev.restgate.authorizers.jwt.Tokens.ISSUER;
import static dev.restgate.authorizers.jwt.Tokens.accessClaims;
import static dev.restgate.authorizers.jwt.Tokens.idClaims;
import static dev.restgate.authorizers.jwt.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import dev.restgate.authorizers.jwt.TokenResult.Invalid;
import dev.restgate.authorizers.jwt.TokenResult.Valid;
import dev.restgate.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks of a Cognito authorizer, over a JWKS served on loopback. */
class JwtVerifierTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final String UNAUTHORIZED = "Unauthorized";
  private static RSAKey rsa;
  private static ECKey ec;
  /** Not in the JWKS, but with the same {@code kid} as {@link #rsa}. */
  private static RSAKey impostor;
  private static JwksServer server;
  private static CountingExecutor executor;
  private static JwtVerifier verifier;
  private static TokenRules idRules;
  private static TokenRules accessRules;

  @BeforeAll
  static void serveKeys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    server = new JwksServer();
    server.serve(rsa, ec);
    executor = new CountingExecutor();
    MutableClock clock = new MutableClock(NOW);
    verifier = new JwtVerifier(new JwksCache(new HttpJwksFetcher(), executor, clock, JwksCache.Settings.DEFAULTS),
        clock);
    idRules = new TokenRules(ISSUER, server.uri(), List.of(), null);
    accessRules = new TokenRules(ISSUER, server.uri(), List.of("orders/read", "orders/write"), null);
  }

  @AfterAll
  static void stop() {
    server.close();
    executor.close();
  }

  @Test
  void anIdTokenPassesWithItsClaimsStringifiedAsApiGatewayDoes() {
    Map<String, Object> claims = idClaims(NOW);
    claims.put("custom:score", 1.50);
    claims.put("custom:profile", Map.of("tier", "gold"));

    TokenResult result = verifier.verify(sign(rsa, claims), idRules);

    assertThat(result).isInstanceOf(Valid.class);
    assertThat(((Valid) result).claims()).containsExactly(
        Map.entry("sub", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
        Map.entry("cognito:groups", "admin,users"),
        Map.entry("email_verified", "true"),
        Map.entry("iss", ISSUER),
        Map.entry("cognito:username", "janedoe"),
        Map.entry("aud", "client-1"),
        Map.entry("token_use", "id"),
        Map.entry("auth_time", "1714564800"),
        Map.entry("exp", "Wed May 01 13:00:00 UTC 2024"),
        Map.entry("iat", "Wed May 01 12:00:00 UTC 2024"),
        Map.entry("email", "jane@example.com"),
        Map.entry("custom:score", "1.5"),
        Map.entry("custom:profile", "{\"tier\":\"gold\"}"));
  }

  @Test
  void numbersKeepTheirJsonTextAndAOneElementAudienceReadsAsItsValue() {
    String payload = "{\"iss\":\"" + ISSUER + "\",\"token_use\":\"id\",\"exp\":1714568400,\"aud\":[\"client-1\"],"
        + "\"big\":1e3,\"precise\":1.50,\"nothing\":null,\"mixed\":[1,\"a\",true]}";

    TokenResult result = verifier.verify(signed(payload), idRules);

    assertThat(((Valid) result).claims()).containsEntry("aud", "client-1").containsEntry("big", "1e3")
        .containsEntry("precise", "1.50").containsEntry("nothing", "null").containsEntry("mixed", "1,a,true");
  }

  @Test
  void anEcTokenPasses() {
    assertThat(verifier.verify(sign(ec, idClaims(NOW)), idRules)).isInstanceOf(Valid.class);
  }

  @Test
  void anRsaKeyWithoutAlgServesEveryRsaAlgorithm() {
    String token = Tokens.sign(Tokens.signer(rsa), new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("rsa-1").build(),
        Tokens.json(idClaims(NOW)));

    assertThat(verifier.verify(token, idRules)).isInstanceOf(Valid.class);
  }

  @Test
  void aBearerPrefixInAnyCaseIsAccepted() {
    String token = sign(rsa, idClaims(NOW));

    assertThat(verifier.verify("Bearer " + token, idRules)).isInstanceOf(Valid.class);
    assertThat(verifier.verify("bEARER " + token, idRules)).isInstanceOf(Valid.class);
    assertThat(verifier.verify("Basic " + token, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void anAccessTokenWithOneOfTheMethodsScopesPasses() {
    TokenResult result = verifier.verify(sign(rsa, accessClaims(NOW, "openid orders/write")), accessRules);

    assertThat(result).isInstanceOf(Valid.class);
    assertThat(((Valid) result).claims()).containsEntry("scope", "openid orders/write")
        .containsEntry("client_id", "client-1");
  }

  @Test
  void anAccessTokenWithoutTheMethodsScopesIsRefused() {
    assertThat(verifier.verify(sign(rsa, accessClaims(NOW, "openid orders/delete")), accessRules))
        .isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, accessClaims(NOW, "orders/read-all")), accessRules))
        .isEqualTo(Invalid.UNAUTHORIZED);
    Map<String, Object> noScope = accessClaims(NOW, null);
    noScope.remove("scope");
    assertThat(verifier.verify(sign(rsa, noScope), accessRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void anIdTokenWhereAnAccessTokenIsExpectedIsRefused() {
    Map<String, Object> claims = idClaims(NOW);
    claims.put("scope", "orders/read");

    assertThat(verifier.verify(sign(rsa, claims), accessRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void anAccessTokenWhereAnIdTokenIsExpectedIsRefused() {
    assertThat(verifier.verify(sign(rsa, accessClaims(NOW, "orders/read")), idRules))
        .isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void anotherOrNoTokenUseIsRefused() {
    Map<String, Object> refresh = idClaims(NOW);
    refresh.put("token_use", "refresh");
    Map<String, Object> none = idClaims(NOW);
    none.remove("token_use");
    Map<String, Object> notText = idClaims(NOW);
    notText.put("token_use", List.of("id"));

    assertThat(verifier.verify(sign(rsa, refresh), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, none), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, notText), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void anExpiredTokenIsAnsweredWithAwsMessage() {
    Map<String, Object> claims = idClaims(NOW.minusSeconds(7200));
    Map<String, Object> endingNow = idClaims(NOW.minusSeconds(3600));

    assertThat(verifier.verify(sign(rsa, claims), idRules))
        .isEqualTo(new Invalid("The incoming token has expired"));
    assertThat(verifier.verify(sign(rsa, endingNow), idRules)).isEqualTo(Invalid.EXPIRED);
  }

  @Test
  void anExpiredTokenThatIsNotGenuineIsMerelyUnauthorized() {
    String claims = Tokens.json(idClaims(NOW.minusSeconds(7200)));
    String forged = Tokens.sign(Tokens.signer(impostor), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
        .build(), claims);
    String unsigned = Tokens.compact("{\"alg\":\"none\",\"kid\":\"rsa-1\"}", claims, "");
    String genuine = sign(rsa, idClaims(NOW.minusSeconds(7200)));
    String[] parts = genuine.split("\\.");
    String wrongIssuer = parts[0] + "." + Base64URL.encode(claims.replace(ISSUER, "https://evil")) + "." + parts[2];

    assertThat(verifier.verify(forged, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(unsigned, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(wrongIssuer, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void aTokenWithoutANumericExpiryIsRefused() {
    Map<String, Object> none = idClaims(NOW);
    none.remove("exp");
    Map<String, Object> text = idClaims(NOW);
    text.put("exp", String.valueOf(NOW.getEpochSecond() + 3600));
    Map<String, Object> huge = idClaims(NOW);
    huge.put("exp", 1e300);

    assertThat(verifier.verify(sign(rsa, none), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, text), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, huge), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void notBeforeAndIssuedAtMayBeAheadByTheClockSkewOnly() {
    Map<String, Object> notYet = idClaims(NOW);
    notYet.put("nbf", NOW.getEpochSecond() + 300);
    Map<String, Object> issuedLater = idClaims(NOW.plusSeconds(3600));
    Map<String, Object> slightlyAhead = idClaims(NOW.plusSeconds(30));
    slightlyAhead.put("nbf", NOW.getEpochSecond() + 30);

    assertThat(verifier.verify(sign(rsa, notYet), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, issuedLater), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, slightlyAhead), idRules)).isInstanceOf(Valid.class);
  }

  @Test
  void anotherIssuerIsRefused() {
    Map<String, Object> other = idClaims(NOW);
    other.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other");
    Map<String, Object> trailingSlash = idClaims(NOW);
    trailingSlash.put("iss", ISSUER + "/");
    Map<String, Object> none = idClaims(NOW);
    none.remove("iss");

    assertThat(verifier.verify(sign(rsa, other), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, trailingSlash), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(sign(rsa, none), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void theAudiencePatternMustMatchTheWholeAudience() {
    String token = sign(rsa, idClaims(NOW));

    assertThat(verifier.verify(token, withAudience(idRules, "client-\\d"))).isInstanceOf(Valid.class);
    assertThat(verifier.verify(token, withAudience(idRules, "client-2"))).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(token, withAudience(idRules, "client"))).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void anAccessTokenHasNoAudienceForThePatternToMatch() {
    String token = sign(rsa, accessClaims(NOW, "orders/read"));

    assertThat(verifier.verify(token, withAudience(accessRules, ".*"))).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void algNoneIsRefused() {
    String claims = Tokens.json(idClaims(NOW));

    assertThat(verifier.verify(Tokens.compact("{\"alg\":\"none\",\"kid\":\"rsa-1\"}", claims, ""), idRules))
        .isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(Tokens.compact("{\"alg\":\"none\"}", claims, ""), idRules))
        .isEqualTo(Invalid.UNAUTHORIZED);
  }

  /** The classic confusion: an HMAC "secret" that is the RSA public key, in each form an attacker could find it. */
  @Test
  void hmacSignedWithThePublicKeyIsRefused() throws Exception {
    byte[] der = rsa.toRSAPublicKey().getEncoded();
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.encode(der) + "\n-----END PUBLIC KEY-----\n";
    String jwks = new JWKSet(rsa.toPublicJWK()).toString();
    String claims = Tokens.json(idClaims(NOW));

    for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII), jwks.getBytes(StandardCharsets.UTF_8),
        rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
      for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS512)) {
        String token = Tokens.sign(new MACSigner(secret), new JWSHeader.Builder(alg).keyID("rsa-1").build(), claims);
        assertThat(verifier.verify(token, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
      }
    }
  }

  @Test
  void aTokenSignedByAKeyNotInTheJwksIsRefused() {
    assertThat(verifier.verify(sign(impostor, idClaims(NOW)), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void theAlgorithmMustSuitTheKey() throws Exception {
    String claims = Tokens.json(idClaims(NOW));
    String ecAsRsa = Tokens.sign(Tokens.signer(ec), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("rsa-1").build(),
        claims);
    String rsaAsEc = Tokens.sign(Tokens.signer(rsa), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ec-1").build(),
        claims);
    String psOnRsa = Tokens.sign(Tokens.signer(rsa), new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("rsa-1").build(),
        claims);

    assertThat(verifier.verify(ecAsRsa, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(rsaAsEc, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(psOnRsa, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String[] parts = sign(rsa, idClaims(NOW)).split("\\.");
    Map<String, Object> elevated = idClaims(NOW);
    elevated.put("cognito:groups", new String[] {"admin", "root"});
    String tampered = parts[0] + "." + Base64URL.encode(Tokens.json(elevated)) + "." + parts[2];

    assertThat(verifier.verify(tampered, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(parts[0] + "." + parts[1] + ".", idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  /** Signed by the genuine key, so only the header itself can be the reason. */
  @Test
  void headersThatNameTheirOwnKeyOrAreCriticalAreRefused() throws Exception {
    String claims = Tokens.json(idClaims(NOW));
    List<JWSHeader> headers = List.of(
        header().jwkURL(URI.create("https://evil.example/jwks.json")).build(),
        header().jwk(impostor.toPublicJWK()).build(),
        header().x509CertURL(URI.create("https://evil.example/cert.pem")).build(),
        header().x509CertChain(List.of(Base64.encode(rsa.toRSAPublicKey().getEncoded()))).build(),
        header().criticalParams(Set.of("exp")).customParam("exp", 1).build());

    for (JWSHeader header : headers) {
      assertThat(verifier.verify(Tokens.sign(Tokens.signer(rsa), header, claims), idRules))
          .as(header.toString()).isEqualTo(Invalid.UNAUTHORIZED);
    }
  }

  @Test
  void aTokenWithoutKidIsRefused() {
    String token = Tokens.sign(Tokens.signer(rsa), new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
        Tokens.json(idClaims(NOW)));

    assertThat(verifier.verify(token, idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void anOversizedTokenIsRefusedUnread() {
    Map<String, Object> claims = idClaims(NOW);
    claims.put("padding", "x".repeat(JwtVerifier.MAX_TOKEN_CHARS));

    assertThat(verifier.verify(sign(rsa, claims), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
  }

  @Test
  void whatIsNoJwsIsRefused() {
    for (String junk : new String[] {null, "", "Bearer ", "abc", "a.b.c", "a.b.c.d.e", "...", "eyJhbGciOiJSUzI1NiJ9"}) {
      assertThat(verifier.verify(junk, idRules)).as(junk).isEqualTo(Invalid.UNAUTHORIZED);
    }
  }

  @Test
  void aPayloadThatIsNotOneObjectWithDistinctNamesIsRefused() {
    String claims = Tokens.json(idClaims(NOW));
    String duplicate = claims.replace("\"token_use\":\"id\"", "\"token_use\":\"access\",\"token_use\":\"id\"");

    assertThat(verifier.verify(signed(duplicate), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(signed("[" + claims + "]"), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(signed(claims + claims), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(signed("\"" + ISSUER + "\""), idRules)).isEqualTo(Invalid.UNAUTHORIZED);
    assertThat(verifier.verify(signed(claims), idRules)).isInstanceOf(Valid.class);
  }

  /** The EC token's checks cost more, so only its signature is altered. */
  @Test
  void noAlteredTokenPassesAndNoneThrows() {
    String rsaToken = sign(rsa, idClaims(NOW));
    String ecToken = sign(ec, idClaims(NOW));

    assertEveryChangeIsRefused(rsaToken, 0);
    assertEveryChangeIsRefused(ecToken, ecToken.lastIndexOf('.') + 1);
  }

  /** One character at a time from {@code from}, but the last, whose low bits encode nothing. */
  private static void assertEveryChangeIsRefused(String token, int from) {
    for (int i = from; i < token.length() - 1; i++) {
      char replacement = token.charAt(i) == '.' ? '_' : token.charAt(i) == '_' ? '.' : '_';
      String altered = token.substring(0, i) + replacement + token.substring(i + 1);
      assertThat(verifier.verify(altered, idRules)).as(altered).isInstanceOf(Invalid.class);
    }
  }

  private static String signed(String payload) {
    return Tokens.sign(Tokens.signer(rsa), header().build(), payload);
  }

  private static JWSHeader.Builder header() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1");
  }

  private static TokenRules withAudience(TokenRules rules, String pattern) {
    return new TokenRules(rules.issuer(), rules.jwksUri(), rules.scopes(), Pattern.compile(pattern));
  }
}
