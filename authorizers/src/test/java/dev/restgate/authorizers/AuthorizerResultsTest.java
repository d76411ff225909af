package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cached authorizer results live for their TTL by the gateway's clock, and parsing refuses what AWS refuses. */
class AuthorizerResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AuthorizerResult result(String json) throws Exception {
    return AuthorizerResult.parse(JSON.readTree(json));
  }

  @Test
  void aResultIsServedUntilItsTtlEndsByTheGatewaysClock() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    AuthorizerResults results = new AuthorizerResults(clock);
    AuthorizerResult allow = result("{\"principalId\":\"ada\",\"policyDocument\":{\"Statement\":{\"Effect\":"
        + "\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}}}");

    results.put("api/prod/auth/x/token", allow, Duration.ofSeconds(300));
    clock.advance(Duration.ofSeconds(299));
    assertThat(results.get("api/prod/auth/x/token")).isSameAs(allow);
    assertThat(results.get("api/prod/auth/x/other")).isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(results.get("api/prod/auth/x/token")).isNull();
  }

  @Test
  void contextValuesAreStringifiedAndNullsLeftOut() throws Exception {
    AuthorizerResult parsed = result("{\"principalId\":42,\"policyDocument\":{\"Statement\":{\"Effect\":\"Deny\","
        + "\"Action\":\"*\",\"Resource\":\"*\"}},\"context\":{\"s\":\"v\",\"n\":1.5,\"b\":false,\"z\":null},"
        + "\"usageIdentifierKey\":\"key-1\"}");

    assertThat(parsed.principalId()).isEqualTo("42");
    assertThat(parsed.context()).containsExactly(Map.entry("s", "v"), Map.entry("n", "1.5"), Map.entry("b", "false"));
    assertThat(parsed.usageIdentifierKey()).isEqualTo("key-1");
  }
}
