package dev.restgate.authorizers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.authorizers.iam.Policy;
import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code identities}: SigV4 credentials with their principal ARN and IAM identity policies. Policies are kept as JSON
 * for the IAM evaluator; here their grammar is checked so that a typo fails at load time, not as a mysterious deny at
 * the first request.
 */
public final class IdentitiesSection implements ConfigSection<IdentitiesConfig> {
  static final List<String> KEYS =
      List.of("accessKeyId", "secretAccessKey", "sessionToken", "expiration", "arn", "policies");
  private static final List<String> POLICY_KEYS = List.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_KEYS =
      List.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
  private static final List<String> VERSIONS = List.of("2012-10-17", "2008-10-17");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");
  private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws:iam::\\d{12}:.+");

  @Override
  public List<String> keys() {
    return List.of("identities");
  }

  @Override
  public Class<IdentitiesConfig> type() {
    return IdentitiesConfig.class;
  }

  @Override
  public IdentitiesConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("identities");
    List<IdentityConfig> identities = new ArrayList<>();
    Map<String, String> keyPointers = new HashMap<>();
    for (ConfigNode identity : node.list()) {
      if (!identity.isObjectWith(KEYS)) {
        continue;
      }
      String accessKeyId = identity.field("accessKeyId").required().string(ACCESS_KEY_ID,
          "use 16 to 128 letters, digits or '_', like AKIAIOSFODNN7EXAMPLE");
      if (accessKeyId != null) {
        String first = keyPointers.putIfAbsent(accessKeyId, identity.pointer());
        if (first != null) {
          identity.field("accessKeyId").problem("is also the access key id of " + first
              + "; each identity needs its own");
        }
      }
      String secret = identity.field("secretAccessKey").required().string();
      if (secret != null && secret.isEmpty()) {
        identity.field("secretAccessKey").problem("is empty; give the identity's secret access key");
      }
      String sessionToken = identity.field("sessionToken").string();
      if (sessionToken != null && sessionToken.isEmpty()) {
        identity.field("sessionToken").problem("is empty; give the session token or leave the key out");
      }
      Instant expiration = expiration(identity.field("expiration"));
      if (expiration != null && sessionToken == null) {
        identity.field("expiration").problem("applies to temporary credentials; add their sessionToken");
      }
      String arn = identity.field("arn").required().string(PRINCIPAL_ARN,
          "use an IAM principal ARN, arn:aws:iam::{12-digit account}:user/{name} (or role/..., root)");
      List<JsonNode> policies = new ArrayList<>();
      for (ConfigNode policy : identity.field("policies").list()) {
        int problems = policy.problemCount();
        if (checkPolicy(policy) && policy.problemCount() == problems && compiles(policy)) {
          policies.add(policy.json());
        }
      }
      identities.add(new IdentityConfig(accessKeyId, secret, sessionToken, expiration, arn, policies));
    }
    return new IdentitiesConfig(identities);
  }

  private static Instant expiration(ConfigNode node) {
    String text = node.string();
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      node.problem("\"" + text + "\" is not an ISO-8601 instant such as 2026-12-31T23:59:59Z");
      return null;
    }
  }

  private static boolean checkPolicy(ConfigNode policy) {
    if (!policy.isObjectWith(POLICY_KEYS)) {
      return false;
    }
    policy.field("Version").required().oneOf(VERSIONS);
    policy.field("Id").string();
    ConfigNode statements = policy.field("Statement").required();
    if (statements.isPresent() && statements.json().isObject()) {
      checkStatement(statements);
    } else {
      statements.list().forEach(IdentitiesSection::checkStatement);
      if (statements.isPresent() && statements.json().isArray() && statements.json().isEmpty()) {
        statements.problem("is empty; a policy needs at least one statement");
      }
    }
    return true;
  }

  /**
   * Whether the policy compiles once its grammar is right: what the grammar check cannot see (an unknown condition
   * operator, a malformed CIDR or date) must fail the load, never become a deny or an allow at the first request.
   */
  private static boolean compiles(ConfigNode policy) {
    try {
      Policy.identity(policy.json());
      return true;
    } catch (IllegalArgumentException e) {
      policy.problem(e.getMessage());
      return false;
    }
  }

  /** Identity policies have no {@code Principal}: the identity is the principal, so it is an unknown key here. */
  private static void checkStatement(ConfigNode statement) {
    if (!statement.isObjectWith(STATEMENT_KEYS)) {
      return;
    }
    statement.field("Sid").string();
    statement.field("Effect").required().oneOf(List.of("Allow", "Deny"));
    exactlyOne(statement, "Action", "NotAction");
    exactlyOne(statement, "Resource", "NotResource");
    statement.field("Condition").entries().values().forEach(ConfigNode::entries);
  }

  private static void exactlyOne(ConfigNode statement, String key, String negated) {
    ConfigNode value = statement.field(key);
    ConfigNode other = statement.field(negated);
    if (value.isPresent() == other.isPresent()) {
      statement.problem(value.isPresent()
          ? "has both " + key + " and " + negated + "; keep one"
          : "has neither " + key + " nor " + negated + "; add " + key);
      return;
    }
    ConfigNode present = value.isPresent() ? value : other;
    if (present.json().isTextual()) {
      return;
    }
    present.list().forEach(ConfigNode::string);
    if (present.json().isArray() && present.json().isEmpty()) {
      present.problem("is empty; list at least one");
    }
  }
}
