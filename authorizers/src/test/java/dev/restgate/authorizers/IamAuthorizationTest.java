package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AWS_IAM} end to end: requests signed by the AWS SDK for Java v2 and by {@code curl --aws-sigv4} reach the
 * route; unsigned, tampered, expired, wrong-key and wrong-region requests get AWS's answers, and identity policies
 * decide which principal may call which method.
 */
class IamAuthorizationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "iamapi0001";
  private static final String ALICE = "AKIAALICE00EXAMPLE01";
  private static final String ALICE_SECRET = "alice/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String BOB = "AKIABOB0000EXAMPLE02";
  private static final String BOB_SECRET = "bob/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TEMP = "ASIATEMP000EXAMPLE03";
  private static final String TEMP_SECRET = "temp/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "FwoGZXIvYXdzEXAMPLE//session+token=";

  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    gateway = AuthFixtures.startGateway(dir, """
        openapi: 3.0.1
        info: {title: iam, version: '1'}
        components:
          securitySchemes:
            sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
        security: [{sigv4: []}]
        paths:
          /files/{proxy+}:
            x-amazon-apigateway-any-method:
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ECHO}
          /open:
            get:
              security: []
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ECHO}
        """.replace("ECHO", AuthFixtures.ECHO_URI),
        """
        region: us-east-1
        accountId: '123456789012'
        restApis:
          - id: API
            body: openapi.yaml
            stages: [{stageName: prod}]
        identities:
          - accessKeyId: ALICE
            secretAccessKey: ALICE_SECRET
            arn: arn:aws:iam::123456789012:user/alice
            policies:
              - Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: 'execute-api:Invoke'
                    Resource: 'arn:aws:execute-api:us-east-1:*:API/prod/*'
                  - {Effect: Deny, Action: 'execute-api:*', Resource: 'arn:aws:execute-api:*:*:API/*/DELETE/*'}
          - accessKeyId: BOB
            secretAccessKey: BOB_SECRET
            arn: arn:aws:iam::123456789012:user/bob
          - accessKeyId: TEMP
            secretAccessKey: TEMP_SECRET
            sessionToken: TOKEN
            arn: arn:aws:iam::123456789012:role/deployer
            policies:
              - {Version: '2012-10-17', Statement: {Effect: Allow, Action: '*', Resource: '*'}}
        lambda:
          functions:
            - {functionName: echo, handler: authfixture.EchoEvent, codeUri: CODE}
        """.replace("ALICE_SECRET", ALICE_SECRET).replace("ALICE", ALICE).replace("BOB_SECRET", BOB_SECRET)
        .replace("BOB", BOB).replace("TEMP_SECRET", TEMP_SECRET).replace("TEMP", TEMP).replace("TOKEN", TOKEN)
        .replace("API", API));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static URI url(String pathAndQuery) {
    return gateway.uri("/restapis/" + API + "/prod/_user_request_" + pathAndQuery);
  }

  private static JsonNode event(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void assertRefused(HttpResponse<String> response, int status, String errorType, String body) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void sdkSignedRequestsWithAwkwardPathsAndQueriesReachTheRoute() throws Exception {
    SdkSignedRequests alice = new SdkSignedRequests(ALICE, ALICE_SECRET, null);
    JsonNode event = event(Http.send(alice.sign("GET",
        url("/files/a%20b/caf%C3%A9/x%3Ay+z%2B!$'()*,;=@?tag=b&tag=a&empty=&flag&sp=a%20b"), null)));

    assertThat(event.get("path").asText()).isEqualTo("/files/a%20b/caf%C3%A9/x%3Ay+z%2B!$'()*,;=@");
    assertThat(event.get("multiValueQueryStringParameters").get("tag").toString()).isEqualTo("[\"b\",\"a\"]");
    JsonNode identity = event.get("requestContext").get("identity");
    assertThat(identity.get("userArn").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(identity.get("accessKey").asText()).isEqualTo(ALICE);
    assertThat(identity.get("accountId").asText()).isEqualTo("123456789012");
    assertThat(identity.get("caller").asText()).startsWith("AIDA").hasSize(21);
    assertThat(identity.get("user").asText()).isEqualTo(identity.get("caller").asText());
  }

  @Test
  void sdkSignedPostBodiesAndPresignedUrlsVerify() throws Exception {
    SdkSignedRequests alice = new SdkSignedRequests(ALICE, ALICE_SECRET, null);
    JsonNode post = event(Http.send(alice.sign("POST", url("/files/upload"), "{\"hello\":\"world\"}",
        "Content-Type", "application/json")));
    JsonNode presigned = event(Http.send(new SdkSignedRequests(ALICE, ALICE_SECRET, null).presigned()
        .sign("GET", url("/files/shared?x=1"), null)));

    assertThat(post.get("body").asText()).isEqualTo("{\"hello\":\"world\"}");
    assertThat(presigned.get("requestContext").get("identity").get("accessKey").asText()).isEqualTo(ALICE);
  }

  @Test
  void curlSignedRequestsReachTheRoute() throws Exception {
    assertThat(curl("GET", "/files/a%20b/caf%C3%A9/x%3Ay?tag=b&tag=a&empty=", null)).contains("\"statusCode\":200")
        .contains("arn:aws:iam::123456789012:user/alice");
    assertThat(curl("POST", "/files/form", "name=ada&lang=en")).contains("\"statusCode\":200")
        .contains("name=ada&lang=en");
  }

  /** Runs curl with {@code --aws-sigv4} as Alice and returns the status line and body. */
  private static String curl(String method, String pathAndQuery, String body) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "-X", method, "--aws-sigv4",
        "aws:amz:us-east-1:execute-api", "--user", ALICE + ":" + ALICE_SECRET, "-w", "\n\"statusCode\":%{http_code}"));
    if (body != null) {
      command.addAll(List.of("--data-binary", body));
    }
    command.add(url(pathAndQuery).toString());
    Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor()).as(output).isZero();
    return output;
  }

  @Test
  void unsignedRequestsAreMissingAnAuthenticationToken() throws Exception {
    assertRefused(Http.get(url("/files/x")), 403, "MissingAuthenticationTokenException",
        "{\"message\":\"Missing Authentication Token\"}");
    assertThat(Http.get(url("/open")).statusCode()).isEqualTo(200);
  }

  @Test
  void aTamperedBodyFailsWithTheCanonicalRequestInTheMessage() throws Exception {
    HttpRequest signed = new SdkSignedRequests(ALICE, ALICE_SECRET, null).sign("POST", url("/files/x"), "amount=1");
    HttpRequest.Builder tampered = HttpRequest.newBuilder(signed.uri())
        .POST(HttpRequest.BodyPublishers.ofString("amount=1000"));
    signed.headers().map().forEach((name, values) -> values.forEach(value -> tampered.header(name, value)));

    HttpResponse<String> response = Http.send(tampered.build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
    String message = JSON.readTree(response.body()).get("message").asText();
    assertThat(message).startsWith("The request signature we calculated does not match the signature you provided."
        + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
        + "The Canonical String for this request should have been\n'POST\n/restapis/" + API
        + "/prod/_user_request_/files/x\n").contains("\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n");
  }

  @Test
  void expiredWrongKeyWrongSecretAndWrongRegionAreRefused() throws Exception {
    Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
    HttpResponse<String> expired = Http.send(new SdkSignedRequests(ALICE, ALICE_SECRET, null).clock(past)
        .sign("GET", url("/files/x"), null));
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(expired.body()).get("message").asText()).startsWith("Signature expired: ")
        .endsWith(" - 5 min.)");

    assertRefused(Http.send(new SdkSignedRequests("AKIANOBODY0EXAMPLE09", "x", null)
        .sign("GET", url("/files/x"), null)), 403, "UnrecognizedClientException",
        "{\"message\":\"The security token included in the request is invalid.\"}");

    HttpResponse<String> wrongSecret = Http.send(new SdkSignedRequests(ALICE, "not-the-secret", null)
        .sign("GET", url("/files/x"), null));
    assertThat(wrongSecret.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");

    HttpResponse<String> wrongRegion = Http.send(new SdkSignedRequests(ALICE, ALICE_SECRET, null).region("eu-west-1")
        .sign("GET", url("/files/x"), null));
    assertThat(wrongRegion.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(wrongRegion.body()).get("message").asText())
        .startsWith("Credential should be scoped to a valid region");
  }

  @Test
  void policiesDecideWhoMayCallWhat() throws Exception {
    String arn = "arn:aws:execute-api:us-east-1:123456789012:" + API + "/prod/";
    assertRefused(Http.send(new SdkSignedRequests(BOB, BOB_SECRET, null).sign("GET", url("/files/x"), null)), 403,
        "AccessDeniedException", "{\"Message\":\"User: arn:aws:iam::123456789012:user/bob is not authorized to "
            + "perform: execute-api:Invoke on resource: " + arn + "GET/files/x\"}");
    assertRefused(Http.send(new SdkSignedRequests(ALICE, ALICE_SECRET, null)
        .sign("DELETE", url("/files/x"), null)), 403, "AccessDeniedException",
        "{\"Message\":\"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: "
            + "execute-api:Invoke on resource: " + arn + "DELETE/files/x with an explicit deny\"}");
  }

  @Test
  void temporaryCredentialsNeedTheirSessionToken() throws Exception {
    JsonNode event = event(Http.send(new SdkSignedRequests(TEMP, TEMP_SECRET, TOKEN)
        .sign("GET", url("/files/x"), null)));
    assertThat(event.get("requestContext").get("identity").get("userArn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/deployer");

    assertRefused(Http.send(new SdkSignedRequests(TEMP, TEMP_SECRET, null).sign("GET", url("/files/x"), null)), 403,
        "UnrecognizedClientException", "{\"message\":\"The security token included in the request is invalid.\"}");
  }
}
