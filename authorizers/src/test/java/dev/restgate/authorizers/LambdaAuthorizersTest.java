package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.AuthorizerCaches;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda authorizers end to end: an OpenAPI definition with TOKEN and REQUEST authorizers, imported as users write
 * it; local functions written against the official {@code APIGatewayCustomAuthorizerEvent}; real HTTP. The protected
 * integration is a Lambda proxy function that answers with its event, so each test sees what reached it.
 */
class LambdaAuthorizersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FUNCTIONS =
      "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:";
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: authorizers, version: '1'}
      x-amazon-apigateway-policy:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*'}
          - {Effect: Deny, Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*',
             Condition: {IpAddress: {'aws:SourceIp': '203.0.113.0/24'}}}
      components:
        securitySchemes:
          token:
            type: apiKey
            name: Authorization
            in: header
            x-amazon-apigateway-authtype: custom
            x-amazon-apigateway-authorizer:
              type: token
              authorizerUri: FUNCTIONStoken-authorizer/invocations
              identityValidationExpression: '^(allow|deny|only|unauthorized|boom|garbage|nested|sleep).*'
          uncached:
            type: apiKey
            name: Authorization
            in: header
            x-amazon-apigateway-authorizer:
              type: token
              authorizerUri: FUNCTIONStoken-authorizer/invocations
              authorizerResultTtlInSeconds: 0
          request:
            type: apiKey
            name: Unused
            in: header
            x-amazon-apigateway-authorizer:
              type: request
              identitySource: method.request.header.X-User, stageVariables.env
              authorizerUri: FUNCTIONSrequest-authorizer/invocations
          missing:
            type: apiKey
            name: Authorization
            in: header
            x-amazon-apigateway-authorizer:
              type: token
              authorizerUri: FUNCTIONSno-such-function/invocations
      paths:
        /token:
          get: {security: [{token: []}], x-amazon-apigateway-integration: ECHO}
        /token/other:
          get: {security: [{token: []}], x-amazon-apigateway-integration: ECHO}
        /uncached:
          get: {security: [{uncached: []}], x-amazon-apigateway-integration: ECHO}
        /request/{id}:
          get: {security: [{request: []}], x-amazon-apigateway-integration: ECHO}
        /missing:
          get: {security: [{missing: []}], x-amazon-apigateway-integration: ECHO}
      """;

  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Path functions = AuthFixtures.functions();
    gateway = AuthFixtures.startGateway(dir, OPENAPI
        .replace("ECHO", "{type: aws_proxy, httpMethod: POST, uri: 'FUNCTIONSecho/invocations'}")
        .replace("FUNCTIONS", FUNCTIONS),
        """
        restApis:
          - id: authzapi01
            body: openapi.yaml
            stages:
              - stageName: prod
                variables: {env: production}
        lambda:
          functions:
            - {functionName: echo, handler: authfixture.EchoEvent, codeUri: CODE}
            - {functionName: token-authorizer, handler: authfixture.TokenAuthorizer, codeUri: CODE, timeout: 2}
            - {functionName: request-authorizer, handler: authfixture.RequestAuthorizer, codeUri: CODE}
        """);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    return Http.get(gateway.userRequest("authzapi01", "prod", path), headers);
  }

  private static JsonNode requestContext(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("requestContext");
  }

  private static void assertRefused(HttpResponse<String> response, int status, String errorType, String body) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void allowedTokenReachesTheIntegrationWithPrincipalAndStringifiedContext() throws Exception {
    JsonNode authorizer = requestContext(get("/token", "Authorization", "allow-ada")).get("authorizer");

    assertThat(authorizer.get("principalId").asText()).isEqualTo("ada");
    assertThat(authorizer.get("stringKey").asText()).isEqualTo("value");
    assertThat(authorizer.get("numberKey").isTextual()).isTrue();
    assertThat(authorizer.get("numberKey").asText()).isEqualTo("1");
    assertThat(authorizer.get("booleanKey").asText()).isEqualTo("true");
    assertThat(authorizer.get("integrationLatency").isNumber()).isTrue();
  }

  @Test
  void explicitDenyIsCapitalMessage403() throws Exception {
    assertRefused(get("/token", "Authorization", "deny-bob"), 403, "AccessDeniedException",
        "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
  }

  @Test
  void unauthorizedFromTheFunctionIs401() throws Exception {
    assertRefused(get("/token", "Authorization", "unauthorized"), 401, "UnauthorizedException",
        "{\"message\":\"Unauthorized\"}");
  }

  @Test
  void missingTokenOrOneFailingTheValidationExpressionIs401WithoutInvoking() throws Exception {
    assertRefused(get("/token"), 401, "UnauthorizedException", "{\"message\":\"Unauthorized\"}");
    assertRefused(get("/token", "Authorization", "not-a-known-token"), 401, "UnauthorizedException",
        "{\"message\":\"Unauthorized\"}");
  }

  @Test
  void failuresGarbageAndTimeoutsAre500NeverAPass() throws Exception {
    String body = "{\"message\": null}";
    assertRefused(get("/token", "Authorization", "boom"), 500, "AuthorizerConfigurationException", body);
    assertRefused(get("/token", "Authorization", "garbage"), 500, "AuthorizerConfigurationException", body);
    assertRefused(get("/token", "Authorization", "nested"), 500, "AuthorizerConfigurationException", body);
    assertRefused(get("/token", "Authorization", "sleep"), 500, "AuthorizerConfigurationException", body);
    assertRefused(get("/missing", "Authorization", "allow-x"), 500, "AuthorizerConfigurationException", body);
  }

  @Test
  void aRepeatWithinTheTtlIsServedFromTheCacheAndAnotherTokenIsNot() throws Exception {
    JsonNode first = requestContext(get("/token", "Authorization", "allow-cached")).get("authorizer");
    JsonNode again = requestContext(get("/token/other", "Authorization", "allow-cached")).get("authorizer");
    JsonNode other = requestContext(get("/token", "Authorization", "allow-someone-else")).get("authorizer");

    assertThat(again.get("call").asText()).isEqualTo(first.get("call").asText());
    assertThat(again.has("integrationLatency")).isFalse();
    assertThat(other.get("call").asInt()).isGreaterThan(first.get("call").asInt());
  }

  @Test
  void flushingTheStagesAuthorizerCacheInvokesTheAuthorizerAgain() throws Exception {
    JsonNode first = requestContext(get("/token", "Authorization", "allow-flushed")).get("authorizer");
    JsonNode cached = requestContext(get("/token", "Authorization", "allow-flushed")).get("authorizer");

    gateway.gateway().service(AuthorizerCaches.class).orElseThrow().flush("authzapi01", "prod");
    JsonNode fresh = requestContext(get("/token", "Authorization", "allow-flushed")).get("authorizer");

    assertThat(cached.get("call").asText()).isEqualTo(first.get("call").asText());
    assertThat(fresh.get("call").asInt()).isGreaterThan(first.get("call").asInt());
  }

  @Test
  void aCachedPolicyIsEvaluatedAgainForEachMethod() throws Exception {
    assertThat(get("/token", "Authorization", "only-one-method").statusCode()).isEqualTo(200);

    assertRefused(get("/token/other", "Authorization", "only-one-method"), 403, "AccessDeniedException",
        "{\"Message\":\"User is not authorized to access this resource\"}");
  }

  @Test
  void withCachingOffEveryRequestInvokesTheFunction() throws Exception {
    JsonNode first = requestContext(get("/uncached", "Authorization", "allow-nocache")).get("authorizer");
    JsonNode second = requestContext(get("/uncached", "Authorization", "allow-nocache")).get("authorizer");

    assertThat(second.get("call").asInt()).isGreaterThan(first.get("call").asInt());
  }

  @Test
  void requestAuthorizerGetsTheRequestAndItsContextReachesTheIntegration() throws Exception {
    JsonNode context = requestContext(get("/request/42?q=1", "X-User", "ada"));
    JsonNode authorizer = context.get("authorizer");

    assertThat(authorizer.get("principalId").asText()).isEqualTo("ada");
    assertThat(authorizer.get("type").asText()).isEqualTo("REQUEST");
    assertThat(authorizer.get("resource").asText()).isEqualTo("/request/{id}");
    assertThat(authorizer.get("path").asText()).isEqualTo("/request/42");
    assertThat(authorizer.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(authorizer.get("query").asText()).isEqualTo("{q=1}");
    assertThat(authorizer.get("pathParameters").asText()).isEqualTo("{id=42}");
    assertThat(authorizer.get("stageVariables").asText()).isEqualTo("{env=production}");
    assertThat(authorizer.get("stage").asText()).isEqualTo("prod");
    assertThat(authorizer.get("sourceIp").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void requestAuthorizerWithAMissingIdentitySourceIs401AndItsDenyIs403() throws Exception {
    assertRefused(get("/request/1"), 401, "UnauthorizedException", "{\"message\":\"Unauthorized\"}");
    assertRefused(get("/request/1", "X-User", "eve"), 403, "AccessDeniedException",
        "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
  }
}
