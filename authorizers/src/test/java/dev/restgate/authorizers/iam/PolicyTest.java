package dev.restgate.authorizers.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** IAM policy evaluation: effects, wildcards, the negated forms, principals and every condition operator. */
class PolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/";
  private static final Caller ALICE =
      new Caller("arn:aws:iam::123456789012:user/alice", "123456789012", "AIDAALICE", "alice");
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Policy identity(String statements) {
    return Policy.identity(json("{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}"));
  }

  private static RequestFacts invoke(String resource) {
    return facts("execute-api:Invoke", resource, ALICE, "203.0.113.7");
  }

  private static RequestFacts facts(String action, String resource, Caller caller, String ip) {
    return new RequestFacts(action, resource, caller, ip, NOW, true, "curl/8.0");
  }

  @Test
  void anExplicitDenyBeatsAnAllowAndNothingIsAnImplicitDeny() {
    Policy policy = identity("""
        [{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"},
         {"Effect":"Deny","Action":"execute-api:*","Resource":"%sprod/DELETE/*"}]""".formatted(API));

    assertThat(policy.evaluate(invoke(API + "prod/GET/pets"))).isEqualTo(Decision.ALLOW);
    assertThat(policy.evaluate(invoke(API + "prod/DELETE/pets/1"))).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(policy.evaluate(facts("lambda:InvokeFunction", "arn:x", ALICE, null))).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(identity("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")
        .evaluate(invoke(API + "prod/GET/pets"))).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void decisionsOfSeveralPoliciesCombineDenyFirst() {
    assertThat(Decision.combine(List.of(Decision.ALLOW, Decision.EXPLICIT_DENY))).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(Decision.combine(List.of(Decision.IMPLICIT_DENY, Decision.ALLOW))).isEqualTo(Decision.ALLOW);
    assertThat(Decision.combine(List.of())).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @ParameterizedTest
  @CsvSource({
      "arn:aws:execute-api:us-east-1:*:abcdef1234/*, prod/GET/pets, true",
      "arn:aws:execute-api:*:*:*, dev/POST/a/b/c, true",
      "*, prod/GET/, true",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/*/GET/pets/*, prod/GET/pets/7, true",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/*/GET/pets/*, prod/GET/pets, false",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/pets/?, prod/GET/pets/7, true",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/pets/?, prod/GET/pets/77, false",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/Pets, prod/GET/pets, false",
      "arn:aws:execute-api:us-west-2:*:abcdef1234/*, prod/GET/pets, false",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*/pets, prod/GET/a/pets, true"
  })
  void resourcesMatchWithIamWildcards(String pattern, String method, boolean allowed) {
    Policy policy = identity("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + pattern
        + "\"}");

    assertThat(policy.evaluate(invoke(API + method))).isEqualTo(allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY);
  }

  @Test
  void actionsMatchWithoutRegardToCase() {
    assertThat(identity("{\"Effect\":\"Allow\",\"Action\":\"EXECUTE-API:inv*\",\"Resource\":\"*\"}")
        .evaluate(invoke(API + "prod/GET/x"))).isEqualTo(Decision.ALLOW);
    assertThat(identity("{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"execute-api:Invok?\"],\"Resource\":\"*\"}")
        .evaluate(invoke(API + "prod/GET/x"))).isEqualTo(Decision.ALLOW);
  }

  @Test
  void notActionAndNotResourceApplyToEverythingElse() {
    Policy policy = identity("""
        [{"Effect":"Allow","NotAction":"s3:*","Resource":"*"},
         {"Effect":"Deny","Action":"*","NotResource":["%sprod/*"]}]""".formatted(API));

    assertThat(policy.evaluate(invoke(API + "prod/GET/x"))).isEqualTo(Decision.ALLOW);
    assertThat(policy.evaluate(invoke(API + "dev/GET/x"))).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(policy.evaluate(facts("s3:GetObject", API + "prod/GET/x", ALICE, null)))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void resourcePolicyPrincipalsMatchEveryoneAnAccountOrOnePrincipal() {
    Caller bob = new Caller("arn:aws:iam::123456789012:user/bob", "123456789012", "AIDABOB", "bob");
    Caller stranger = new Caller("arn:aws:iam::999999999999:user/x", "999999999999", "AIDAX", "x");
    Policy everyone = resource("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}");
    Policy account = resource("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
        + "\"Action\":\"*\",\"Resource\":\"*\"}");
    Policy accountId = resource("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"123456789012\"]},"
        + "\"Action\":\"*\",\"Resource\":\"*\"}");
    Policy alice = resource("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE.principalArn() + "\"},"
        + "\"Action\":\"*\",\"Resource\":\"*\"}");
    Policy notAlice = resource("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"" + ALICE.principalArn() + "\"},"
        + "\"Action\":\"*\",\"Resource\":\"*\"}");
    Policy service = resource("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
        + "\"Action\":\"*\",\"Resource\":\"*\"}");
    String arn = API + "prod/GET/x";

    assertThat(everyone.evaluate(facts("execute-api:Invoke", arn, null, null))).isEqualTo(Decision.ALLOW);
    assertThat(account.evaluate(facts("execute-api:Invoke", arn, bob, null))).isEqualTo(Decision.ALLOW);
    assertThat(account.evaluate(facts("execute-api:Invoke", arn, stranger, null))).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(account.evaluate(facts("execute-api:Invoke", arn, null, null))).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(accountId.evaluate(facts("execute-api:Invoke", arn, bob, null))).isEqualTo(Decision.ALLOW);
    assertThat(alice.evaluate(invoke(arn))).isEqualTo(Decision.ALLOW);
    assertThat(alice.evaluate(facts("execute-api:Invoke", arn, bob, null))).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(notAlice.evaluate(invoke(arn))).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(notAlice.evaluate(facts("execute-api:Invoke", arn, bob, null))).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(service.evaluate(invoke(arn))).isEqualTo(Decision.IMPLICIT_DENY);
  }

  private static Policy resource(String statement) {
    return Policy.resource(json("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}"));
  }

  private static boolean condition(String condition, RequestFacts facts) {
    return identity("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" + condition + "}")
        .evaluate(facts) == Decision.ALLOW;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"StringEquals\":{\"aws:username\":\"alice\"}}                          | true",
      "{\"StringEquals\":{\"aws:username\":[\"bob\",\"alice\"]}}                | true",
      "{\"StringEquals\":{\"aws:username\":\"Alice\"}}                          | false",
      "{\"StringEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}                | true",
      "{\"StringNotEquals\":{\"aws:username\":[\"bob\",\"carol\"]}}             | true",
      "{\"StringNotEquals\":{\"aws:username\":[\"bob\",\"alice\"]}}             | false",
      "{\"StringNotEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}             | false",
      "{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/a*\"}}       | true",
      "{\"StringLike\":{\"aws:UserAgent\":\"curl/?.?\"}}                        | true",
      "{\"StringNotLike\":{\"aws:UserAgent\":\"Mozilla*\"}}                     | true",
      "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:user/*\"}} | true",
      "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}                    | true",
      "{\"IpAddress\":{\"aws:SourceIp\":[\"198.51.100.0/24\",\"203.0.113.7\"]}} | true",
      "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.112.0/24\"}}                    | false",
      "{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}                         | true",
      "{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/32\"}}                     | false",
      "{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}                 | false",
      "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}                     | true",
      "{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-31T00:00:00Z\"}}        | true",
      "{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-03\"}}                  | false",
      "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-12-03\"}}               | true",
      "{\"DateGreaterThanEquals\":{\"aws:EpochTime\":\"1796292000\"}}           | true",
      "{\"DateLessThanEquals\":{\"aws:CurrentTime\":1796292000}}                | true",
      "{\"DateEquals\":{\"aws:CurrentTime\":\"2026-12-03T11:00:00+01:00\"}}     | true",
      "{\"DateNotEquals\":{\"aws:CurrentTime\":\"2026-12-03T10:00:00Z\"}}       | false",
      "{\"NumericGreaterThan\":{\"aws:EpochTime\":1000}}                        | true",
      "{\"NumericLessThanEquals\":{\"aws:EpochTime\":\"1796292000\"}}           | true",
      "{\"NumericLessThan\":{\"aws:EpochTime\":1000}}                           | false",
      "{\"NumericEquals\":{\"aws:EpochTime\":1796292000}}                       | true",
      "{\"NumericNotEquals\":{\"aws:EpochTime\":1796292000}}                    | false",
      "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}                            | true",
      "{\"Bool\":{\"aws:SecureTransport\":false}}                               | false",
      "{\"Null\":{\"aws:SourceVpce\":\"true\"}}                                 | true",
      "{\"Null\":{\"aws:username\":\"true\"}}                                   | false",
      "{\"Null\":{\"aws:username\":\"false\"}}                                  | true",
      "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}                       | false",
      "{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}                    | true",
      "{\"StringEqualsIfExists\":{\"aws:SourceVpce\":\"vpce-1\"}}               | true",
      "{\"StringEqualsIfExists\":{\"aws:username\":\"bob\"}}                    | false",
      "{\"IpAddressIfExists\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}            | true",
      "{\"StringEquals\":{\"aws:username\":\"alice\"},\"Bool\":{\"aws:SecureTransport\":\"false\"}} | false"
  })
  void conditionOperators(String condition, boolean allowed) {
    assertThat(condition(condition.trim(), invoke(API + "prod/GET/x"))).as(condition).isEqualTo(allowed);
  }

  @Test
  void conditionKeysOfTheCallerAreAbsentForAnonymousCallers() {
    RequestFacts anonymous = facts("execute-api:Invoke", API + "prod/GET/x", null, "203.0.113.7");

    assertThat(condition("{\"StringLike\":{\"aws:PrincipalArn\":\"*\"}}", anonymous)).isFalse();
    assertThat(condition("{\"Null\":{\"aws:PrincipalArn\":\"true\"}}", anonymous)).isTrue();
  }

  @Test
  void ipv6AndMappedAddressesMatchTheirRanges() {
    assertThat(condition("{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/32\"}}",
        facts("x:y", "z", ALICE, "2001:db8:0:1::5"))).isTrue();
    assertThat(condition("{\"IpAddress\":{\"aws:SourceIp\":\"::1/128\"}}", facts("x:y", "z", ALICE, "::1")))
        .isTrue();
    assertThat(condition("{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}",
        facts("x:y", "z", ALICE, "::ffff:127.0.0.1"))).isTrue();
    assertThat(condition("{\"IpAddress\":{\"aws:SourceIp\":\"10.1.0.0/17\"}}", facts("x:y", "z", ALICE, "10.1.127.1")))
        .isTrue();
    assertThat(condition("{\"IpAddress\":{\"aws:SourceIp\":\"10.1.0.0/17\"}}", facts("x:y", "z", ALICE, "10.1.128.1")))
        .isFalse();
  }

  @Test
  void authorizerPoliciesTakeStringsOrListsAndNoVersion() {
    Policy single = Policy.authorizerResult(json("{\"Statement\":[{\"Action\":\"execute-api:Invoke\","
        + "\"Effect\":\"Allow\",\"Resource\":\"" + API + "prod/GET/x\"}]}"));
    Policy lists = Policy.authorizerResult(json("{\"Version\":\"2012-10-17\",\"Statement\":{\"Action\":"
        + "[\"execute-api:Invoke\"],\"Effect\":\"Allow\",\"Resource\":[\"" + API + "prod/*\"]}}"));

    assertThat(single.evaluate(invoke(API + "prod/GET/x"))).isEqualTo(Decision.ALLOW);
    assertThat(lists.evaluate(invoke(API + "prod/POST/y"))).isEqualTo(Decision.ALLOW);
    assertThatThrownBy(() -> Policy.authorizerResult(json("{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\","
        + "\"Resource\":\"" + "a".repeat(513) + "\"}]}"))).hasMessageContaining("longer than 512 characters");
  }

  /** Statements that do not compile, each with what the message must say. */
  static Stream<Arguments> malformedStatements() {
    String all = "\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"";
    return Stream.of(
        Arguments.of("{\"Effect\":\"Permit\",\"Action\":\"*\",\"Resource\":\"*\"}",
            "Statement[0].Effect must be Allow or Deny"),
        Arguments.of("{\"Effect\":\"Allow\",\"Resource\":\"*\"}",
            "Statement[0] must have exactly one of Action and NotAction"),
        Arguments.of("{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}",
            "Statement[0].Action must be a string"),
        Arguments.of("{" + all + ",\"Principal\":\"*\"}", "Statement[0] has a Principal"),
        Arguments.of("{" + all + ",\"Condition\":{\"StringMatches\":{\"a\":\"b\"}}}",
            "Statement[0].Condition.StringMatches.a: unknown condition operator StringMatches"),
        Arguments.of("{" + all + ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}}",
            "prefix length outside 0..32"),
        Arguments.of("{" + all + ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"example.com\"}}}",
            "is not an IP address"),
        Arguments.of("{" + all + ",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"tomorrow\"}}}",
            "is not an ISO 8601 date"),
        Arguments.of("{" + all + ",\"Condition\":{\"NullIfExists\":{\"a\":\"true\"}}}",
            "Null has no IfExists form"),
        Arguments.of("{" + all + ",\"Sids\":\"x\"}", "Statement[0] has an unknown key Sids"));
  }

  @ParameterizedTest
  @MethodSource("malformedStatements")
  void malformedStatementsAreRefusedSayingWhere(String statement, String message) {
    assertThatThrownBy(() -> identity("[" + statement + "]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aPolicyNeedsAVersionAndStatements() {
    assertThatThrownBy(() -> Policy.identity(json("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Resource\":\"*\"}}"))).hasMessageContaining("Version must be");
    assertThatThrownBy(() -> identity("[]")).hasMessageContaining("Statement must be");
  }

  @Test
  void resourcePoliciesNeedAPrincipal() {
    assertThatThrownBy(() -> resource("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
        .hasMessageContaining("exactly one of Principal and NotPrincipal");
  }
}
