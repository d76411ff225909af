package dev.restgate.authorizers.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM policy document, compiled once and evaluated per request without touching JSON: an identity policy, an API
 * resource policy, or the policy a Lambda authorizer returned. Evaluation follows IAM: an applicable {@code Deny}
 * wins, else an applicable {@code Allow} allows, else the request is implicitly denied. Immutable and thread-safe.
 */
public final class Policy {
  /** AWS's limit on a resource of a Lambda authorizer's statement. */
  static final int MAX_AUTHORIZER_RESOURCE = 512;
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
  private static final Set<String> POLICY_KEYS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
      "NotResource", "Principal", "NotPrincipal", "Condition");
  private static final Pattern ROOT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private enum Kind { IDENTITY, RESOURCE, AUTHORIZER }

  private final List<Statement> statements;

  private Policy(List<Statement> statements) {
    this.statements = statements;
  }

  /**
   * An identity policy (no {@code Principal}).
   *
   * @throws IllegalArgumentException naming what is wrong and where, e.g. {@code Statement[1].Effect}
   */
  public static Policy identity(JsonNode document) {
    return compile(document, Kind.IDENTITY);
  }

  /**
   * An API resource policy ({@code Principal} or {@code NotPrincipal} required), with its resources as ARNs
   * ({@code execute-api:/...} is expanded when the definition is imported).
   *
   * @throws IllegalArgumentException naming what is wrong and where
   */
  public static Policy resource(JsonNode document) {
    return compile(document, Kind.RESOURCE);
  }

  /**
   * The {@code policyDocument} a Lambda authorizer returned: {@code Version} optional, resources at most 512
   * characters.
   *
   * @throws IllegalArgumentException naming what is wrong and where
   */
  public static Policy authorizerResult(JsonNode document) {
    return compile(document, Kind.AUTHORIZER);
  }

  public Decision evaluate(RequestFacts facts) {
    boolean allowed = false;
    for (Statement statement : statements) {
      if (statement.appliesTo(facts)) {
        if (!statement.allow()) {
          return Decision.EXPLICIT_DENY;
        }
        allowed = true;
      }
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  private static Policy compile(JsonNode document, Kind kind) {
    if (document == null || !document.isObject()) {
      throw new IllegalArgumentException("the policy is not a JSON object");
    }
    unknownKeys(document, POLICY_KEYS, "the policy");
    JsonNode version = document.get("Version");
    if (version == null ? kind != Kind.AUTHORIZER : !VERSIONS.contains(version.asText())) {
      throw new IllegalArgumentException("Version must be 2012-10-17 or 2008-10-17");
    }
    JsonNode statementNode = document.get("Statement");
    if (statementNode == null || !(statementNode.isObject() || statementNode.isArray() && !statementNode.isEmpty())) {
      throw new IllegalArgumentException("Statement must be a statement or a non-empty list of statements");
    }
    List<Statement> statements = new ArrayList<>();
    if (statementNode.isObject()) {
      statements.add(statement(statementNode, kind, "Statement"));
    } else {
      for (int i = 0; i < statementNode.size(); i++) {
        statements.add(statement(statementNode.get(i), kind, "Statement[" + i + "]"));
      }
    }
    return new Policy(List.copyOf(statements));
  }

  private static Statement statement(JsonNode node, Kind kind, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " is not an object");
    }
    unknownKeys(node, STATEMENT_KEYS, where);
    String effect = node.path("Effect").asText();
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      throw new IllegalArgumentException(where + ".Effect must be Allow or Deny");
    }
    boolean notAction = exactlyOne(node, "Action", "NotAction", where);
    String actionKey = notAction ? "NotAction" : "Action";
    List<Wildcard> actions = strings(node.get(actionKey), where + "." + actionKey).stream()
        .map(Wildcard::ignoringCase).toList();
    boolean notResource = exactlyOne(node, "Resource", "NotResource", where);
    String resourceKey = notResource ? "NotResource" : "Resource";
    List<String> resourceTexts = strings(node.get(resourceKey), where + "." + resourceKey);
    if (kind == Kind.AUTHORIZER) {
      for (String resource : resourceTexts) {
        if (resource.length() > MAX_AUTHORIZER_RESOURCE) {
          throw new IllegalArgumentException(where + "." + resourceKey + " has a resource longer than "
              + MAX_AUTHORIZER_RESOURCE + " characters");
        }
      }
    }
    List<Wildcard> resources = resourceTexts.stream().map(Wildcard::caseSensitive).toList();
    Principals principals = null;
    if (kind == Kind.RESOURCE) {
      boolean notPrincipal = exactlyOne(node, "Principal", "NotPrincipal", where);
      String principalKey = notPrincipal ? "NotPrincipal" : "Principal";
      principals = principals(node.get(principalKey), notPrincipal, where + "." + principalKey);
    } else if (node.has("Principal") || node.has("NotPrincipal")) {
      throw new IllegalArgumentException(where + " has a Principal, which only resource policies have");
    }
    return new Statement(effect.equals("Allow"), actions, notAction, resources, notResource, principals,
        conditions(node.get("Condition"), where + ".Condition"));
  }

  private static Principals principals(JsonNode node, boolean negated, String where) {
    if (node.isTextual() && node.textValue().equals("*")) {
      return new Principals(true, List.of(), List.of(), negated);
    }
    if (!node.isObject() || node.isEmpty()) {
      throw new IllegalArgumentException(where + " must be \"*\" or an object such as {\"AWS\": [ARNs]}");
    }
    List<String> accounts = new ArrayList<>();
    List<String> arns = new ArrayList<>();
    boolean everyone = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> type = it.next();
      List<String> values = strings(type.getValue(), where + "." + type.getKey());
      if (!type.getKey().equals("AWS")) {
        continue;
      }
      for (String value : values) {
        Matcher root = ROOT.matcher(value);
        if (value.equals("*")) {
          everyone = true;
        } else if (ACCOUNT.matcher(value).matches()) {
          accounts.add(value);
        } else if (root.matches()) {
          accounts.add(root.group(1));
        } else {
          arns.add(value);
        }
      }
    }
    return new Principals(everyone, List.copyOf(accounts), List.copyOf(arns), negated);
  }

  private static List<Condition> conditions(JsonNode node, String where) {
    if (node == null) {
      return List.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " must be an object of condition operators");
    }
    List<Condition> conditions = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> operators = node.fields(); operators.hasNext(); ) {
      Map.Entry<String, JsonNode> operator = operators.next();
      String at = where + "." + operator.getKey();
      if (!operator.getValue().isObject() || operator.getValue().isEmpty()) {
        throw new IllegalArgumentException(at + " must be an object of condition keys");
      }
      for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> key = keys.next();
        conditions.add(Condition.compile(operator.getKey(), key.getKey(), key.getValue(), at + "." + key.getKey()));
      }
    }
    return List.copyOf(conditions);
  }

  /** Whether the negated key is the one present; exactly one of the two must be. */
  private static boolean exactlyOne(JsonNode node, String key, String negated, String where) {
    boolean plain = node.has(key);
    if (plain == node.has(negated)) {
      throw new IllegalArgumentException(where + " must have exactly one of " + key + " and " + negated);
    }
    return !plain;
  }

  private static List<String> strings(JsonNode node, String where) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isTextual()) {
      values.add(node.textValue());
    } else if (node != null && node.isArray()) {
      for (JsonNode value : node) {
        if (!value.isTextual()) {
          throw new IllegalArgumentException(where + " must hold strings only");
        }
        values.add(value.textValue());
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(where + " must be a string or a non-empty list of strings");
    }
    return values;
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(where + " has an unknown key " + name);
      }
    }
  }
}
