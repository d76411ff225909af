package dev.restgate.authorizers.iam;

import java.util.List;

/**
 * One compiled statement. It applies to a request when its actions, resources, principals (resource policies only)
 * and every condition match; the {@code Not...} forms apply when none of theirs matches. Immutable.
 *
 * @param principals null when the policy has no principal (identity and authorizer policies)
 */
record Statement(boolean allow, List<Wildcard> actions, boolean notAction, List<Wildcard> resources,
    boolean notResource, Principals principals, List<Condition> conditions) {

  boolean appliesTo(RequestFacts facts) {
    if (anyMatches(actions, facts.action()) == notAction) {
      return false;
    }
    if (anyMatches(resources, facts.resource()) == notResource) {
      return false;
    }
    if (principals != null && !principals.match(facts.caller())) {
      return false;
    }
    for (Condition condition : conditions) {
      if (!condition.test(facts)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyMatches(List<Wildcard> patterns, String value) {
    for (Wildcard pattern : patterns) {
      if (pattern.matches(value)) {
        return true;
      }
    }
    return false;
  }
}
