package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code identities} section, which this module owns. */
class IdentitiesSectionTest {
  @TempDir
  Path dir;

  @Test
  void identitiesAreReadWithTheirPolicies() throws Exception {
    IdentitiesConfig config = new ConfigFiles(dir).load("""
        identities:
          - accessKeyId: AKIAIOSFODNN7EXAMPLE
            secretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            arn: arn:aws:iam::210987654321:user/alice
            policies:
              - Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: execute-api:Invoke
                    Resource: ["arn:aws:execute-api:eu-west-1:210987654321:petstore01/prod/GET/*"]
        """).section(IdentitiesConfig.class).orElseThrow();

    IdentityConfig alice = config.identities().get(0);
    assertThat(alice.arn()).isEqualTo("arn:aws:iam::210987654321:user/alice");
    assertThat(alice.policies().get(0).path("Statement").get(0).path("Effect").asText()).isEqualTo("Allow");
    assertThat(alice.toString()).doesNotContain("wJalrXUtnFEMI");
  }

  @Test
  void temporaryCredentialsCarryTheirSessionTokenAndExpiration() throws Exception {
    IdentityConfig temporary = new ConfigFiles(dir).load("""
        identities:
          - accessKeyId: ASIAIOSFODNN7EXAMPLE
            secretAccessKey: secret
            sessionToken: FwoGZXIvYXdzEXAMPLE
            expiration: 2026-12-31T23:59:59Z
            arn: arn:aws:iam::210987654321:role/deployer
        """).section(IdentitiesConfig.class).orElseThrow().identities().get(0);

    assertThat(temporary.sessionToken()).isEqualTo("FwoGZXIvYXdzEXAMPLE");
    assertThat(temporary.expiration()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
    assertThat(temporary.toString()).doesNotContain("FwoGZXIvYXdzEXAMPLE");
  }

  @Test
  void anExpirationNeedsASessionTokenAndAnInstant() {
    Map<String, String> messages = new ConfigFiles(dir).messages("""
        identities:
          - {accessKeyId: ASIAIOSFODNN7EXAMPLE, secretAccessKey: s, arn: 'arn:aws:iam::210987654321:role/r',
             expiration: 2026-12-31T23:59:59Z}
          - {accessKeyId: ASIAIOSFODNN7EXAMPL2, secretAccessKey: s, arn: 'arn:aws:iam::210987654321:role/r',
             sessionToken: t, expiration: tomorrow}
        """);

    assertThat(messages).containsOnlyKeys("/identities/0/expiration", "/identities/1/expiration");
    assertThat(messages.get("/identities/0/expiration")).contains("add their sessionToken");
    assertThat(messages.get("/identities/1/expiration")).contains("is not an ISO-8601 instant");
  }

  @Test
  void aPolicyThatDoesNotCompileFailsTheLoad() {
    Map<String, String> messages = new ConfigFiles(dir).messages("""
        identities:
          - accessKeyId: AKIAIOSFODNN7EXAMPLE
            secretAccessKey: secret
            arn: arn:aws:iam::123456789012:user/alice
            policies:
              - Version: "2012-10-17"
                Statement:
                  Effect: Allow
                  Action: "*"
                  Resource: "*"
                  Condition: {IpAddress: {aws:SourceIp: 10.0.0.0/33}}
        """);

    assertThat(messages).containsOnlyKeys("/identities/0/policies/0");
    assertThat(messages.get("/identities/0/policies/0")).contains("10.0.0.0/33").contains("prefix length");
  }

  @Test
  void anAbsentSectionIsNoIdentities() throws Exception {
    assertThat(new ConfigFiles(dir).load("").section(IdentitiesConfig.class)).hasValue(IdentitiesConfig.NONE);
  }

  @Test
  void policiesFollowTheIamGrammar() {
    Map<String, String> messages = new ConfigFiles(dir).messages("""
        identities:
          - accessKeyId: AKIAIOSFODNN7EXAMPLE
            secretAccessKey: secret
            arn: arn:aws:iam::123456789012:user/alice
            policies:
              - Statement: {Effect: Allow, Principal: "*", Action: [], NotAction: x, Resource: "*"}
              - {Version: "2012-10-17", Statement: []}
          - accessKeyId: short
            arn: arn:aws:iam::1:user/x
            policies: [{Version: "2012-10-17", Statement: [{Effect: Permit, Action: "*"}]}]
        """);

    assertThat(messages).containsOnlyKeys("/identities/0/policies/0/Version",
        "/identities/0/policies/0/Statement/Principal", "/identities/0/policies/0/Statement",
        "/identities/0/policies/1/Statement", "/identities/1/accessKeyId", "/identities/1/secretAccessKey",
        "/identities/1/arn", "/identities/1/policies/0/Statement/0/Effect", "/identities/1/policies/0/Statement/0");
  }
}
