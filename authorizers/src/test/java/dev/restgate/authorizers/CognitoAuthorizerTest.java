package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code COGNITO_USER_POOLS} end to end against a self-hosted issuer: the pool's key set is served over HTTP, the
 * definition is imported as users write it, and the gateway checks ID tokens, access tokens with scopes, expiry and
 * issuers.
 */
class CognitoAuthorizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POOL = "us-east-1_TestPool1";
  private static final AtomicInteger KEY_FETCHES = new AtomicInteger();

  private static HttpServer keyServer;
  private static RSAKey key;
  private static String issuer;
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    key = new RSAKeyGenerator(2048).keyID("key-1").generate();
    keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keyServer.createContext("/pool/.well-known/jwks.json", exchange -> {
      KEY_FETCHES.incrementAndGet();
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    keyServer.start();
    issuer = "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/pool";
    gateway = AuthFixtures.startGateway(dir, """
        openapi: 3.0.1
        info: {title: cognito, version: '1'}
        components:
          securitySchemes:
            pool:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: cognito_user_pools
              x-amazon-apigateway-authorizer:
                type: cognito_user_pools
                providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/POOL']
        paths:
          /profile:
            get:
              security: [{pool: []}]
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ECHO}
          /orders:
            get:
              security: [{pool: [orders/read]}]
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ECHO}
        """.replace("POOL", POOL).replace("ECHO", AuthFixtures.ECHO_URI),
        """
        restApis:
          - {id: cognitoapi, body: openapi.yaml, stages: [{stageName: prod}]}
        cognito:
          userPools:
            - {id: POOL, issuer: 'ISSUER'}
        lambda:
          functions:
            - {functionName: echo, handler: authfixture.EchoEvent, codeUri: CODE}
        """.replace("POOL", POOL).replace("ISSUER", issuer));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    keyServer.stop(0);
  }

  private static String token(String tokenUse, String scope, Instant expires, String tokenIssuer) throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("user-1").issuer(tokenIssuer)
        .claim("token_use", tokenUse).claim("cognito:username", "ada").claim("email_verified", true)
        .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(expires));
    if (tokenUse.equals("id")) {
      claims.audience("client-1");
    } else {
      claims.claim("client_id", "client-1").claim("scope", scope);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return token == null
        ? Http.get(gateway.userRequest("cognitoapi", "prod", path))
        : Http.get(gateway.userRequest("cognitoapi", "prod", path), "Authorization", token);
  }

  private static void assertUnauthorized(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
    assertThat(response.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }

  @Test
  void anIdTokenReachesTheIntegrationWithItsClaims() throws Exception {
    HttpResponse<String> response = get("/profile", token("id", null, Instant.now().plusSeconds(600), issuer));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode claims = JSON.readTree(response.body()).get("requestContext").get("authorizer").get("claims");
    assertThat(claims.get("cognito:username").asText()).isEqualTo("ada");
    assertThat(claims.get("email_verified").asText()).isEqualTo("true");
    assertThat(claims.get("aud").asText()).isEqualTo("client-1");
  }

  @Test
  void scopedMethodsTakeAccessTokensWithOneOfTheirScopes() throws Exception {
    Instant later = Instant.now().plusSeconds(600);
    assertThat(get("/orders", token("access", "orders/read profile", later, issuer)).statusCode()).isEqualTo(200);
    assertUnauthorized(get("/orders", token("access", "orders/write", later, issuer)), "Unauthorized");
    assertUnauthorized(get("/orders", token("id", null, later, issuer)), "Unauthorized");
    assertUnauthorized(get("/profile", token("access", "orders/read", later, issuer)), "Unauthorized");
  }

  @Test
  void expiredForeignMissingAndForgedTokensAreRefused() throws Exception {
    assertUnauthorized(get("/profile", token("id", null, Instant.now().minusSeconds(600), issuer)),
        "The incoming token has expired");
    assertUnauthorized(get("/profile", token("id", null, Instant.now().plusSeconds(600),
        "https://cognito-idp.us-east-1.amazonaws.com/" + POOL)), "Unauthorized");
    assertUnauthorized(get("/profile", null), "Unauthorized");
    String valid = token("id", null, Instant.now().plusSeconds(600), issuer);
    String[] parts = valid.split("\\.");
    String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    assertUnauthorized(get("/profile", forged), "Unauthorized");
    assertUnauthorized(get("/profile", "eyJhbGciOiJub25lIn0." + parts[1] + "."), "Unauthorized");
  }

  @Test
  void theKeySetIsFetchedOnceNotPerRequest() throws Exception {
    String valid = token("id", null, Instant.now().plusSeconds(600), issuer);
    for (int i = 0; i < 5; i++) {
      assertThat(get("/profile", valid).statusCode()).isEqualTo(200);
    }
    assertThat(KEY_FETCHES.get()).isEqualTo(1);
  }
}
