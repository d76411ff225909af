package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API resource policy ({@code x-amazon-apigateway-policy}) applies to every method, whatever its authorization
 * type: anonymous callers need its allow, an explicit deny (here of the loopback range the tests call from) refuses
 * signed callers too.
 */
class ResourcePolicyTest {
  private static final String API = "policyapi1";
  private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:" + API + "/prod/";
  private static final String KEY = "AKIAPOLICY0EXAMPLE01";
  private static final String SECRET = "policy/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    gateway = AuthFixtures.startGateway(dir, """
        openapi: 3.0.1
        info: {title: policy, version: '1'}
        x-amazon-apigateway-policy:
          Version: '2012-10-17'
          Statement:
            - {Effect: Allow, Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/prod/GET/public/*'}
            - {Effect: Allow, Principal: {AWS: 'arn:aws:iam::123456789012:root'}, Action: 'execute-api:Invoke',
               Resource: 'execute-api:/prod/*'}
            - Effect: Deny
              Principal: '*'
              Action: 'execute-api:Invoke'
              Resource: ['execute-api:/prod/GET/public/blocked', 'execute-api:/prod/GET/signed/blocked']
              Condition: {IpAddress: {'aws:SourceIp': ['127.0.0.0/8', '::1/128']}}
        components:
          securitySchemes:
            sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
        paths:
          /public/{item}:
            get:
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ECHO}
          /unlisted:
            get:
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ECHO}
          /signed/{item}:
            get:
              security: [{sigv4: []}]
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ECHO}
        """.replace("ECHO", AuthFixtures.ECHO_URI),
        """
        region: us-east-1
        accountId: '123456789012'
        restApis:
          - {id: API, body: openapi.yaml, stages: [{stageName: prod}]}
        identities:
          - {accessKeyId: KEY, secretAccessKey: SECRET, arn: 'arn:aws:iam::123456789012:user/carol'}
        lambda:
          functions:
            - {functionName: echo, handler: authfixture.EchoEvent, codeUri: CODE}
        """.replace("API", API).replace("KEY", KEY).replace("SECRET", SECRET)
        );
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static URI url(String path) {
    return gateway.userRequest(API, "prod", path);
  }

  private static void assertDenied(HttpResponse<String> response, String principal, String method, boolean explicit) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    assertThat(response.body()).isEqualTo("{\"Message\":\"User: " + principal + " is not authorized to perform: "
        + "execute-api:Invoke on resource: " + ARN + method + (explicit ? " with an explicit deny" : "") + "\"}");
  }

  @Test
  void anonymousCallersNeedTheResourcePolicysAllow() throws Exception {
    assertThat(Http.get(url("/public/a")).statusCode()).isEqualTo(200);
    assertDenied(Http.get(url("/unlisted")), "anonymous", "GET/unlisted", false);
  }

  @Test
  void anExplicitDenyOfTheCallersAddressWins() throws Exception {
    assertDenied(Http.get(url("/public/blocked")), "anonymous", "GET/public/blocked", true);
  }

  @Test
  void itAppliesToSignedCallersToo() throws Exception {
    SdkSignedRequests carol = new SdkSignedRequests(KEY, SECRET, null);
    assertThat(Http.send(carol.sign("GET", url("/signed/a"), null)).statusCode())
        .as("the resource policy allows the account, and carol has no policy of her own").isEqualTo(200);
    assertDenied(Http.send(carol.sign("GET", url("/signed/blocked"), null)), "arn:aws:iam::123456789012:user/carol",
        "GET/signed/blocked", true);
  }
}
