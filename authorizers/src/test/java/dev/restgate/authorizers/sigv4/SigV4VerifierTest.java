package dev.restgate.authorizers.sigv4;

import static dev.restgate.authorizers.sigv4.SdkSigning.ACCESS_KEY_ID;
import static dev.restgate.authorizers.sigv4.SdkSigning.HOST;
import static dev.restgate.authorizers.sigv4.SdkSigning.REGION;
import static dev.restgate.authorizers.sigv4.SdkSigning.SECRET;
import static dev.restgate.authorizers.sigv4.SdkSigning.SIGNING_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.authorizers.sigv4.SignatureRefusal.Kind;
import dev.restgate.authorizers.sigv4.TestRequest.Field;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.Headers;
import dev.restgate.http.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {
  private static final SigningCredential KEY = SigningCredential.longTerm(ACCESS_KEY_ID, SECRET);
  private static final String SCOPE = "20240501/eu-west-1/execute-api/aws4_request";
  private static final String CREDENTIAL = ACCESS_KEY_ID + "/" + SCOPE;
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String TOKEN = "FwoGZXIvYXdzEBYaDHqa0AP1/token+with/base64==";
  private static final String MISMATCH = "The request signature we calculated does not match the signature you "
      + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
      + "details.\n\nThe Canonical String for this request should have been\n'";

  @Nested
  class Accepts {
    @Test
    void aGetSignedByTheSdk() throws IOException {
      assertThat(verify(SdkSigning.get("/pets").sign())).isEqualTo(new Verification.Verified(KEY));
    }

    @Test
    void aPostWithItsBody() throws IOException {
      TestRequest request = SdkSigning.post("/pets", "{\"name\":\"rex\"}").header("Content-Type", "application/json")
          .sign();
      assertThat(request.header("x-amz-content-sha256")).isEqualTo(sha256Hex("{\"name\":\"rex\"}"));
      assertVerified(request);
    }

    @Test
    void aLambdaInvokeWithAnArnInItsPath() throws IOException {
      TestRequest request = SdkSigning.post("/2015-03-31/functions/"
          + "arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Amy-function/invocations", "{\"a\":1}")
          .service("lambda").sign();
      assertThat(verify(request, "lambda")).isEqualTo(new Verification.Verified(KEY));
    }

    @Test
    void pathsThatTheSdkEncodesAgain() throws IOException {
      assertVerified(SdkSigning.get("/pets/two%20words").sign());
      assertVerified(SdkSigning.get("/caf%C3%A9").sign());
      assertVerified(SdkSigning.get("/items/a%3Ab%2Fc+d").sign());
    }

    @Test
    void pathsThatTheSdkNormalizes() throws IOException {
      assertVerified(SdkSigning.get("//pets//dogs/").sign());
      assertVerified(SdkSigning.get("/pets/./dogs/../cats").sign());
      assertVerified(SdkSigning.get("/pets/dogs/..").sign());
    }

    @Test
    void pathsSignedWithoutNormalizing() throws IOException {
      assertVerified(SdkSigning.get("/pets/./dogs//x%20y").notNormalized().sign());
    }

    @Test
    void pathsSignedExactlyAsSentAsCurlDoes() throws IOException {
      assertVerified(SdkSigning.get("/pets/two%20words/caf%C3%A9").signedAsSent().sign());
    }

    @Test
    void theFullPathWhenTheGatewayIsMountedBelowAContextPath() throws IOException {
      TestRequest request = SdkSigning.get("/gateway/pets").sign().withPath("/pets");
      assertThat(verify(request, "/gateway/pets", "execute-api", REGION, SIGNING_TIME, KEY))
          .isEqualTo(new Verification.Verified(KEY));
      assertThat(refusal(verify(request)).kind()).isEqualTo(Kind.INVALID_SIGNATURE);
    }

    @Test
    void reservedAndUnicodeCharactersInTheQuery() throws IOException {
      assertVerified(SdkSigning.get("/search").query("k", "x:y/z+w").query("q", "café & crème").query("*", "=")
          .sign());
    }

    @Test
    void repeatedAndEmptyQueryNames() throws IOException {
      TestRequest request = SdkSigning.get("/pets").query("a", "2").query("a", "1").query("b", "").query("c", null)
          .sign();
      assertThat(request.rawQuery()).isEqualTo("a=2&a=1&b=&c");
      assertVerified(request);
      assertThat(refusal(verify(request.withFlippedSignature())).message()).contains("\n/pets\na=1&a=2&b=&c=\n");
    }

    @Test
    void aPlusInTheQueryAsASpaceOrAsItself() throws IOException {
      assertVerified(SdkSigning.get("/search").query("q", "a b").sign().withQuery("q=a+b"));
      assertVerified(SdkSigning.get("/search").query("q", "a+b").sign().withQuery("q=a+b"));
    }

    @Test
    void anUnsignedPayloadWhateverTheBody() throws IOException {
      TestRequest request = SdkSigning.post("/pets", "{\"name\":\"rex\"}").unsignedPayload().sign();
      assertThat(request.header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
      assertVerified(request);
      assertVerified(request.withBody("{\"name\":\"max\"}"));
    }

    @Test
    void anUnsignedPayloadWithoutReadingTheBody() throws IOException {
      TestRequest signed = SdkSigning.post("/pets", "{\"name\":\"rex\"}").unsignedPayload().sign();
      Headers headers = new Headers();
      signed.headers().forEach(field -> headers.add(field.name(), field.value()));
      InputStream unreadable = new InputStream() {
        @Override
        public int read() throws IOException {
          throw new IOException("the body was read");
        }
      };
      GatewayRequest request = new GatewayRequest("POST", "/pets", null, headers, "HTTP/1.1", "https", "203.0.113.7",
          443, unreadable);
      assertThat(new SigV4Verifier(clockAt(SIGNING_TIME)).verify(request, "/pets", "execute-api", REGION, keys(KEY)))
          .isEqualTo(new Verification.Verified(KEY));
    }

    @Test
    void temporaryCredentialsWithTheirSessionToken() throws IOException {
      SigningCredential temporary = temporary(TOKEN, SIGNING_TIME.plusSeconds(3600));
      TestRequest request = SdkSigning.get("/pets").sessionToken(TOKEN).sign();
      assertThat(request.header("X-Amz-Security-Token")).isEqualTo(TOKEN);
      assertThat(verify(request, temporary)).isEqualTo(new Verification.Verified(temporary));
    }

    @Test
    void theDateHeaderWithoutXAmzDate() throws Exception {
      String date = "Wed, 01 May 2024 10:00:00 GMT";
      String canonical = "GET\n/pets\n\ndate:" + date + "\nhost:" + HOST + "\n\ndate;host\n" + EMPTY_SHA256;
      TestRequest request = handMade("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=date;host,"
          + "Signature=" + handSignature(canonical)).withHeader("X-Amz-Date", null).withHeader("Date", date);
      assertVerified(request);
    }

    @Test
    void aSignatureComputedIndependently() throws Exception {
      String canonical = "GET\n/pets\n\nhost:" + HOST + "\nx-amz-date:20240501T100000Z\n\nhost;x-amz-date\n"
          + EMPTY_SHA256;
      assertVerified(handMade("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host;x-amz-date, "
          + "Signature=" + handSignature(canonical)));
    }

    @Test
    void aClockUpToFiveMinutesOffEitherWay() throws IOException {
      TestRequest request = SdkSigning.get("/pets").sign();
      assertThat(verify(request, SIGNING_TIME.plusSeconds(300))).isInstanceOf(Verification.Verified.class);
      assertThat(verify(request, SIGNING_TIME.minusSeconds(300))).isInstanceOf(Verification.Verified.class);
    }
  }

  @Nested
  class Presigned {
    @Test
    void isAcceptedUntilItExpires() throws IOException {
      TestRequest request = SdkSigning.get("/pets").query("a", "1").presigned(Duration.ofMinutes(10)).sign();
      assertThat(request.header("Authorization")).isNull();
      assertThat(request.rawQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=600");
      assertThat(verify(request, SIGNING_TIME.minusSeconds(300))).isEqualTo(new Verification.Verified(KEY));
      assertThat(verify(request, SIGNING_TIME.plusSeconds(600))).isEqualTo(new Verification.Verified(KEY));
    }

    @Test
    void isRefusedOnceExpired() throws IOException {
      TestRequest request = SdkSigning.get("/pets").presigned(Duration.ofMinutes(10)).sign();
      assertRefused(verify(request, SIGNING_TIME.plusSeconds(601)), Kind.INVALID_SIGNATURE,
          "Signature expired: 20240501T100000Z is now earlier than 20240501T100001Z (20240501T101001Z - 600 sec.)");
    }

    @Test
    void isRefusedMoreThanFiveMinutesBeforeItsDate() throws IOException {
      TestRequest request = SdkSigning.get("/pets").presigned(Duration.ofMinutes(10)).sign();
      assertRefused(verify(request, SIGNING_TIME.minusSeconds(301)), Kind.INVALID_SIGNATURE,
          "Signature not yet current: 20240501T100000Z is still later than 20240501T095959Z "
              + "(20240501T095459Z + 5 min.)");
    }

    @Test
    void withASessionTokenInTheSignedQuery() throws IOException {
      SigningCredential temporary = temporary(TOKEN, null);
      TestRequest request = SdkSigning.get("/pets").sessionToken(TOKEN).presigned(Duration.ofMinutes(10)).sign();
      assertThat(request.rawQuery()).contains("X-Amz-Security-Token=");
      assertThat(verify(request, temporary)).isEqualTo(new Verification.Verified(temporary));
      assertRefused(verify(request, KEY), Kind.UNRECOGNIZED_CLIENT,
          "The security token included in the request is invalid.");
    }

    @Test
    void withASessionTokenAddedAfterSigning() throws IOException {
      SigningCredential temporary = temporary(TOKEN, null);
      TestRequest signed = SdkSigning.get("/pets").presigned(Duration.ofMinutes(10)).sign();
      TestRequest request = signed.withQuery(signed.rawQuery() + "&X-Amz-Security-Token="
          + TOKEN.replace("/", "%2F").replace("+", "%2B").replace("=", "%3D"));
      assertThat(verify(request, temporary)).isEqualTo(new Verification.Verified(temporary));
    }

    @Test
    void withAnUnsignedPayload() throws Exception {
      String canonical = "POST\n/pets\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
          + CREDENTIAL.replace("/", "%2F") + "&X-Amz-Date=20240501T100000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host\n"
          + "host:" + HOST + "\n\nhost\nUNSIGNED-PAYLOAD";
      TestRequest request = new TestRequest("POST", "/pets", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
          + CREDENTIAL.replace("/", "%2F") + "&X-Amz-Date=20240501T100000Z&X-Amz-Expires=60"
          + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + handSignature(canonical),
          List.of(new Field("Host", HOST), new Field("Content-Length", "2")), "{}".getBytes(StandardCharsets.UTF_8));
      assertVerified(request);
    }

    @Test
    void isRefusedWithAMissingParameter() throws IOException {
      TestRequest request = SdkSigning.get("/pets").presigned(Duration.ofMinutes(10)).sign();
      TestRequest incomplete = request.withQuery(Arrays.stream(request.rawQuery().split("&"))
          .filter(pair -> !pair.startsWith("X-Amz-Date=") && !pair.startsWith("X-Amz-SignedHeaders="))
          .collect(Collectors.joining("&")));
      assertRefused(verify(incomplete), Kind.INCOMPLETE_SIGNATURE,
          "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
              + "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.");
    }

    @Test
    void isRefusedWhenItWouldLastMoreThanAWeek() throws IOException {
      TestRequest request = SdkSigning.get("/pets").presigned(Duration.ofMinutes(10)).sign();
      assertRefused(verify(request.withQuery(request.rawQuery().replace("X-Amz-Expires=600", "X-Amz-Expires=604801"))),
          Kind.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be a number of seconds from 1 to 604800 (a week), not "
              + "'604801'.");
    }

    @Test
    void isRefusedWithAnAuthorizationHeaderToo() throws IOException {
      TestRequest request = SdkSigning.get("/pets").presigned(Duration.ofMinutes(10)).sign()
          .withHeader("Authorization", SdkSigning.get("/pets").sign().header("Authorization"));
      assertThat(refusal(verify(request)).kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
    }

    @Test
    void isRefusedWithAChangedSignature() throws IOException {
      TestRequest request = SdkSigning.get("/pets").presigned(Duration.ofMinutes(10)).sign();
      assertThat(refusal(verify(request.withFlippedSignature())).message()).startsWith(MISMATCH + "GET\n/pets\n"
          + "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F")
          + "&X-Amz-Date=20240501T100000Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host\n");
    }
  }

  @Nested
  class Refuses {
    @Test
    void aRequestWithoutSignature() throws IOException {
      TestRequest request = new TestRequest("GET", "/pets", "a=1", List.of(new Field("Host", HOST)), new byte[0]);
      assertRefused(verify(request), Kind.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
    }

    @Test
    void anAuthorizationOfAnotherScheme() throws IOException {
      assertRefused(verify(handMade("Bearer x")), Kind.INCOMPLETE_SIGNATURE, "Invalid key=value pair (missing "
          + "equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): "
          + "'uTem/WB082UJMN2ajD6lH6UChGpTAddMJSx2iu923No='.");
    }

    @Test
    void anAuthorizationPartWithoutEqualSign() throws IOException {
      assertRefused(verify(handMade("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders, Signature=abc")),
          Kind.INCOMPLETE_SIGNATURE, "Invalid key=value pair (missing equal-sign) in Authorization header (hashed "
              + "with SHA-256 and encoded with Base64): 'NV72muhuAzV84ve06EARhaQFO/zF4w5eNCrzRh2GEQY='.");
    }

    @Test
    void anAuthorizationWithoutItsParts() throws IOException {
      TestRequest request = handMade("AWS4-HMAC-SHA256 Signature=abc").withHeader("X-Amz-Date", null);
      assertRefused(verify(request), Kind.INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential' "
          + "parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires "
          + "existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Signature=abc");
      assertRefused(verify(handMade("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=host")),
          Kind.INCOMPLETE_SIGNATURE, "Authorization header requires 'Signature' parameter. Authorization="
              + "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=host");
    }

    @Test
    void aMalformedCredential() throws IOException {
      assertRefused(verify(handMade(authorization(ACCESS_KEY_ID + "/20240501/eu-west-1/execute-api", "host"))),
          Kind.INCOMPLETE_SIGNATURE,
          "Credential is malformed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    }

    @Test
    void anUnreadableDate() throws IOException {
      assertRefused(verify(handMade(authorization(CREDENTIAL, "host;x-amz-date"))
              .withHeader("X-Amz-Date", "2024-05-01T10:00:00Z")), Kind.INCOMPLETE_SIGNATURE,
          "Date must be in ISO-8601 'basic format'. Got '2024-05-01T10:00:00Z'. "
              + "See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void aCredentialOfAnotherRegionOrService() throws IOException {
      TestRequest request = SdkSigning.get("/pets").sign();
      assertRefused(verify(request, "/pets", "execute-api", "us-east-1", SIGNING_TIME, KEY), Kind.INVALID_SIGNATURE,
          "Credential should be scoped to a valid region, not 'eu-west-1'. ");
      assertRefused(verify(request, "lambda"), Kind.INVALID_SIGNATURE,
          "Credential should be scoped to correct service: 'lambda'. ");
      assertRefused(verify(request, "/pets", "lambda", "us-east-1", SIGNING_TIME, KEY), Kind.INVALID_SIGNATURE,
          "Credential should be scoped to a valid region, not 'eu-west-1'. "
              + "Credential should be scoped to correct service: 'lambda'. ");
    }

    @Test
    void aCredentialWithAnotherTerminator() throws IOException {
      assertRefused(verify(handMade(authorization(CREDENTIAL + "x", "host;x-amz-date"))), Kind.INVALID_SIGNATURE,
          "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requestx'. ");
    }

    @Test
    void aCredentialScopedToAnotherDay() throws IOException {
      String credential = ACCESS_KEY_ID + "/20240430/eu-west-1/execute-api/aws4_request";
      assertRefused(verify(handMade(authorization(credential, "host;x-amz-date"))), Kind.INVALID_SIGNATURE,
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240430' != "
              + "'20240501', from '20240501T100000Z'.");
    }

    @Test
    void aSignatureThatLeavesTheHostOut() throws IOException {
      assertRefused(verify(handMade(authorization(CREDENTIAL, "x-amz-date"))), Kind.INVALID_SIGNATURE,
          "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void aSignatureMoreThanFiveMinutesOld() throws IOException {
      assertRefused(verify(SdkSigning.get("/pets").sign(), SIGNING_TIME.plusSeconds(301)), Kind.INVALID_SIGNATURE,
          "Signature expired: 20240501T100000Z is now earlier than 20240501T100001Z (20240501T100501Z - 5 min.)");
    }

    @Test
    void aSignatureMoreThanFiveMinutesAhead() throws IOException {
      assertRefused(verify(SdkSigning.get("/pets").sign(), SIGNING_TIME.minusSeconds(301)), Kind.INVALID_SIGNATURE,
          "Signature not yet current: 20240501T100000Z is still later than 20240501T095959Z "
              + "(20240501T095459Z + 5 min.)");
    }

    @Test
    void anUnknownAccessKey() throws IOException {
      TestRequest request = SdkSigning.get("/pets").sign();
      Verification verification = new SigV4Verifier(clockAt(SIGNING_TIME)).verify(request.gatewayRequest(), "/pets",
          "execute-api", REGION, id -> Optional.empty());
      assertRefused(verification, Kind.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }

    @Test
    void beforeLookingTheKeyUpWhenTheScopeIsWrong() throws IOException {
      Function<String, Optional<SigningCredential>> never = id -> {
        throw new AssertionError("looked up " + id);
      };
      Verification verification = new SigV4Verifier(clockAt(SIGNING_TIME))
          .verify(SdkSigning.get("/pets").sign().gatewayRequest(), "/pets", "execute-api", "us-east-1", never);
      assertThat(refusal(verification).kind()).isEqualTo(Kind.INVALID_SIGNATURE);
    }

    @Test
    void temporaryCredentialsWithoutTheirToken() throws IOException {
      TestRequest request = SdkSigning.get("/pets").sessionToken(TOKEN).sign();
      assertRefused(verify(request.withHeader("X-Amz-Security-Token", null), temporary(TOKEN, null)),
          Kind.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }

    @Test
    void anotherSessionToken() throws IOException {
      TestRequest request = SdkSigning.get("/pets").sessionToken(TOKEN).sign();
      assertRefused(verify(request, temporary(TOKEN + "x", null)), Kind.UNRECOGNIZED_CLIENT,
          "The security token included in the request is invalid.");
    }

    @Test
    void aSessionTokenForALongTermKey() throws IOException {
      assertRefused(verify(SdkSigning.get("/pets").sessionToken(TOKEN).sign(), KEY), Kind.UNRECOGNIZED_CLIENT,
          "The security token included in the request is invalid.");
    }

    @Test
    void expiredTemporaryCredentials() throws IOException {
      TestRequest request = SdkSigning.get("/pets").sessionToken(TOKEN).sign();
      assertRefused(verify(request, temporary(TOKEN, SIGNING_TIME)), Kind.EXPIRED_TOKEN,
          "The security token included in the request is expired");
    }

    @Test
    void aWrongSignatureShowingTheCanonicalRequest() throws IOException {
      TestRequest request = handMade(authorization(CREDENTIAL, "host;x-amz-date"));
      String canonical = "GET\n/pets\n\nhost:" + HOST + "\nx-amz-date:20240501T100000Z\n\nhost;x-amz-date\n"
          + EMPTY_SHA256;
      String stringToSign = "AWS4-HMAC-SHA256\n20240501T100000Z\n" + SCOPE + "\n" + sha256Hex(canonical);
      assertRefused(verify(request), Kind.INVALID_SIGNATURE,
          MISMATCH + canonical + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
    }

    @Test
    void aSignatureThatIsNotHex() throws IOException {
      TestRequest request = handMade("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
          + ", SignedHeaders=host;x-amz-date, Signature=not-hex");
      assertThat(refusal(verify(request)).message()).startsWith(MISMATCH);
    }

    @Test
    void anotherHost() throws IOException {
      TestRequest request = SdkSigning.get("/pets").sign().withHeader("Host", "evil.example.com");
      assertThat(refusal(verify(request)).message()).startsWith(MISMATCH).contains("\nhost:evil.example.com\n");
    }

    @Test
    void anotherBodyShowingItsHash() throws IOException {
      TestRequest request = SdkSigning.post("/pets", "{\"name\":\"rex\"}").sign().withBody("{\"name\":\"max\"}");
      assertThat(refusal(verify(request)).message()).startsWith(MISMATCH)
          .contains("\n" + sha256Hex("{\"name\":\"max\"}") + "'\n\nThe String-to-Sign");
    }

    @Test
    void anotherQuery() throws IOException {
      TestRequest request = SdkSigning.get("/pets").query("limit", "10").sign().withQuery("limit=1000");
      assertThat(refusal(verify(request)).kind()).isEqualTo(Kind.INVALID_SIGNATURE);
    }

    @Test
    void anotherPathShowingItEncodedTwice() throws IOException {
      assertThat(refusal(verify(SdkSigning.get("/pets/two%20words").sign().withFlippedSignature())).message())
          .startsWith(MISMATCH + "GET\n/pets/two%2520words\n");
      assertThat(refusal(verify(SdkSigning.get("/caf%C3%A9").sign().withFlippedSignature())).message())
          .startsWith(MISMATCH + "GET\n/caf%25C3%25A9\n");
      assertThat(refusal(verify(SdkSigning.get("/items/a%3Ab%2Fc+d").sign().withFlippedSignature())).message())
          .startsWith(MISMATCH + "GET\n/items/a%253Ab%252Fc%2Bd\n");
    }
  }

  @Test
  void aBodyPastTheLimitFailsTheVerification() {
    TestRequest request = SdkSigning.post("/pets", "{}").sign().withHeader("Content-Length", "10485761");
    assertThatThrownBy(() -> verify(request)).isInstanceOf(PayloadTooLargeException.class);
  }

  @Test
  void secretsStayOutOfToString() {
    SigningCredential credential = temporary(TOKEN, SIGNING_TIME);
    assertThat(credential.toString()).contains(ACCESS_KEY_ID).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertThat(new Verification.Verified(credential).toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertThat(new SignatureRefusal(Kind.INVALID_SIGNATURE, "Authorization=" + TOKEN).toString())
        .doesNotContain(TOKEN);
  }

  @Test
  void refusalsNameTheirAwsErrorType() {
    assertThat(Arrays.stream(Kind.values()).map(Kind::errorType)).containsExactly(
        "MissingAuthenticationTokenException", "IncompleteSignatureException", "UnrecognizedClientException",
        "InvalidSignatureException", "ExpiredTokenException");
  }

  private static void assertVerified(TestRequest request) throws IOException {
    assertThat(verify(request)).isEqualTo(new Verification.Verified(KEY));
  }

  private static void assertRefused(Verification verification, Kind kind, String message) {
    assertThat(refusal(verification)).isEqualTo(new SignatureRefusal(kind, message));
  }

  private static SignatureRefusal refusal(Verification verification) {
    assertThat(verification).isInstanceOf(Verification.Refused.class);
    return ((Verification.Refused) verification).refusal();
  }

  private static Verification verify(TestRequest request) throws IOException {
    return verify(request, SIGNING_TIME);
  }

  private static Verification verify(TestRequest request, Instant now) throws IOException {
    return verify(request, request.path(), "execute-api", REGION, now, KEY);
  }

  private static Verification verify(TestRequest request, String service) throws IOException {
    return verify(request, request.path(), service, REGION, SIGNING_TIME, KEY);
  }

  private static Verification verify(TestRequest request, SigningCredential credential) throws IOException {
    return verify(request, request.path(), "execute-api", REGION, SIGNING_TIME, credential);
  }

  private static Verification verify(TestRequest request, String signedPath, String service, String region,
      Instant now, SigningCredential credential) throws IOException {
    return new SigV4Verifier(clockAt(now)).verify(request.gatewayRequest(), signedPath, service, region,
        keys(credential));
  }

  private static Function<String, Optional<SigningCredential>> keys(SigningCredential credential) {
    return id -> id.equals(credential.accessKeyId()) ? Optional.of(credential) : Optional.empty();
  }

  private static Clock clockAt(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private static SigningCredential temporary(String token, Instant expiration) {
    return new SigningCredential(ACCESS_KEY_ID, SECRET, token, expiration);
  }

  /** A GET of /pets at the signing time with this Authorization header. */
  private static TestRequest handMade(String authorization) {
    return new TestRequest("GET", "/pets", null, List.of(new Field("Host", HOST),
        new Field("X-Amz-Date", "20240501T100000Z"), new Field("Authorization", authorization)), new byte[0]);
  }

  /** An Authorization header with a signature that matches nothing. */
  private static String authorization(String credential, String signedHeaders) {
    return "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders + ", Signature="
        + "0".repeat(64);
  }

  /** The signature of a canonical request dated at the signing time, computed here rather than by the package. */
  private static String handSignature(String canonicalRequest) throws Exception {
    String stringToSign = "AWS4-HMAC-SHA256\n20240501T100000Z\n" + SCOPE + "\n" + sha256Hex(canonicalRequest);
    byte[] key = ("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8);
    for (String step : SCOPE.split("/")) {
      key = hmac(key, step);
    }
    return HexFormat.of().formatHex(hmac(key, stringToSign));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
