package dev.restgate.authorizers.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.authorizers.sigv4.SignatureRefusal.Kind;
import dev.restgate.http.GatewayRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The AWS SigV4 test suite of aws-c-auth, every case in both forms (Authorization header and presigned query): the
 * canonical request, string to sign and signature come out as the suite has them, the verifier accepts the signed
 * request at the case's time, and refuses it with one character of the signature changed.
 *
 * <p>The gateway verifies every case; none is left out. A case of a kind this test does not know (other files, other
 * context settings, such as SigV4a or S3's chunked payloads) fails here instead of passing unread.
 */
class AwsSigV4SuiteTest {
  private static final List<String> FORMS = List.of("header", "query");
  private static final Set<String> CASE_FILES = Set.of("context.json", "request.txt", "header-canonical-request.txt",
      "header-string-to-sign.txt", "header-signature.txt", "header-signed-request.txt", "query-canonical-request.txt",
      "query-string-to-sign.txt", "query-signature.txt", "query-signed-request.txt");
  private static final Set<String> CONTEXT_FIELDS = Set.of("credentials", "expiration_in_seconds", "normalize",
      "region", "service", "sign_body", "timestamp", "omit_session_token");
  private static final Set<String> CREDENTIAL_FIELDS = Set.of("access_key_id", "secret_access_key", "token");
  private static final Set<String> SUITE_FILES = Set.of("README.txt", "LICENSE", "NOTICE");
  private static final int CASES = 38;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSuiteIsThere() throws IOException {
    assertThat(cases()).hasSize(CASES);
  }

  @TestFactory
  Stream<DynamicContainer> everyCase() throws IOException {
    return cases().stream().map(dir -> dynamicContainer(dir.getFileName().toString(), caseTests(dir)));
  }

  private static Stream<DynamicNode> caseTests(Path dir) {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest("is of a known kind", () -> assertKnownKind(dir)));
    for (String form : FORMS) {
      tests.add(dynamicTest(form + ": canonical request, string to sign, signature",
          () -> assertCanonicalForms(new Case(dir), form)));
      tests.add(dynamicTest(form + ": verified", () -> assertVerified(new Case(dir), form)));
      tests.add(dynamicTest(form + ": refused with a changed signature", () -> assertRefused(new Case(dir), form)));
    }
    return tests.stream();
  }

  private static void assertKnownKind(Path dir) throws IOException {
    Set<String> files = new HashSet<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(file -> files.add(file.getFileName().toString()));
    }
    assertThat(files).as("files of %s", dir).isEqualTo(CASE_FILES);
    JsonNode context = JSON.readTree(dir.resolve("context.json").toFile());
    List<String> fields = new ArrayList<>();
    context.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).as("context of %s", dir).isSubsetOf(CONTEXT_FIELDS);
    List<String> credentialFields = new ArrayList<>();
    context.get("credentials").fieldNames().forEachRemaining(credentialFields::add);
    assertThat(credentialFields).as("credentials of %s", dir).isSubsetOf(CREDENTIAL_FIELDS);
  }

  private static void assertCanonicalForms(Case c, String form) throws Exception {
    TestRequest signed = c.signedRequest(form);
    GatewayRequest request = signed.gatewayRequest();
    CanonicalQuery query = CanonicalQuery.parse(signed.rawQuery());
    SignatureClaim claim = SignatureClaim.parse(request.headers(), query);
    String uri = UriEncoding.encode(c.normalize ? CanonicalUri.normalize(signed.path()) : signed.path(), true);
    Set<String> excluded = form.equals("header") ? Set.of()
        : c.omitSessionToken ? CanonicalQuery.PRESIGNED_UNSIGNED_TOKEN : CanonicalQuery.PRESIGNED;
    Hashing hashing = new Hashing();
    CanonicalRequest canonical = new CanonicalRequest(signed.method(), uri, query.canonical(excluded, false),
        CanonicalHeaders.of(request.headers(), claim.signedHeaders()), hashing.sha256Hex(signed.body()));
    assertThat(canonical.text()).isEqualTo(c.file(form + "-canonical-request.txt"));

    String stringToSign = CanonicalRequest.stringToSign(claim.amzDate(), claim.scope(),
        hashing.sha256Hex(canonical.text()));
    assertThat(stringToSign).isEqualTo(c.file(form + "-string-to-sign.txt"));

    SecretKeySpec key = new SigningKeys().get(c.credential, claim.credential().date(), c.region, c.service);
    assertThat(HexFormat.of().formatHex(hashing.hmac(key, stringToSign))).isEqualTo(c.file(form + "-signature.txt"));
  }

  private static void assertVerified(Case c, String form) throws Exception {
    TestRequest signed = c.signedRequest(form);
    assertThat(c.verify(signed)).isEqualTo(new Verification.Verified(c.credential));
  }

  /**
   * The message shows the AWS form of the canonical request, which is the case's own unless the case signs its path
   * unnormalized or leaves the session token of its presigned URL unsigned.
   */
  private static void assertRefused(Case c, String form) throws Exception {
    Verification verification = c.verify(c.signedRequest(form).withFlippedSignature());
    assertThat(verification).isInstanceOf(Verification.Refused.class);
    SignatureRefusal refusal = ((Verification.Refused) verification).refusal();
    assertThat(refusal.kind()).isEqualTo(Kind.INVALID_SIGNATURE);
    if (c.normalize && !(form.equals("query") && c.omitSessionToken)) {
      assertThat(refusal.message()).isEqualTo("The request signature we calculated does not match the signature you "
          + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
          + "details.\n\nThe Canonical String for this request should have been\n'"
          + c.file(form + "-canonical-request.txt") + "'\n\nThe String-to-Sign should have been\n'"
          + c.file(form + "-string-to-sign.txt") + "'\n");
    } else {
      assertThat(refusal.message()).startsWith("The request signature we calculated does not match");
    }
  }

  private static List<Path> cases() throws IOException {
    String property = System.getProperty("restgate.test.sigv4Suite");
    assertThat(property).as("system property restgate.test.sigv4Suite, set by the build").isNotNull();
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> list = Files.list(Path.of(property))) {
      list.filter(path -> !SUITE_FILES.contains(path.getFileName().toString())).sorted().forEach(cases::add);
    }
    return cases;
  }

  /** One case folder: its context.json read. */
  private static final class Case {
    final Path dir;
    final SigningCredential credential;
    final String region;
    final String service;
    final Instant time;
    final boolean normalize;
    final boolean omitSessionToken;

    Case(Path dir) throws IOException {
      this.dir = dir;
      JsonNode context = JSON.readTree(dir.resolve("context.json").toFile());
      JsonNode credentials = context.get("credentials");
      JsonNode token = credentials.get("token");
      credential = new SigningCredential(credentials.get("access_key_id").asText(),
          credentials.get("secret_access_key").asText(), token == null ? null : token.asText(), null);
      region = context.get("region").asText();
      service = context.get("service").asText();
      time = Instant.parse(context.get("timestamp").asText());
      normalize = context.get("normalize").asBoolean();
      omitSessionToken = context.path("omit_session_token").asBoolean(false);
    }

    String file(String name) throws IOException {
      return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    TestRequest signedRequest(String form) throws IOException {
      return TestRequest.parse(Files.readAllBytes(dir.resolve(form + "-signed-request.txt")));
    }

    Verification verify(TestRequest request) throws IOException {
      return new SigV4Verifier(Clock.fixed(time, ZoneOffset.UTC)).verify(request.gatewayRequest(), request.path(),
          service, region, id -> id.equals(credential.accessKeyId()) ? Optional.of(credential) : Optional.empty());
    }
  }
}
