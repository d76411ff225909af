package dev.restgate.authorizers.iam;

import java.util.List;

/**
 * The {@code Principal} (or {@code NotPrincipal}) of a resource policy statement. {@code "*"} and
 * {@code {"AWS": "*"}} match everyone, anonymous callers included; an account id or
 * {@code arn:aws:iam::{account}:root} matches every principal of that account; any other ARN matches that principal
 * exactly. Other principal types ({@code Service}, {@code Federated}, {@code CanonicalUser}) match no caller of the
 * gateway. Immutable.
 *
 * @param everyone true for {@code *}
 * @param accounts account ids named directly or as {@code :root}
 * @param arns principal ARNs named
 * @param negated true for {@code NotPrincipal}
 */
record Principals(boolean everyone, List<String> accounts, List<String> arns, boolean negated) {

  boolean match(Caller caller) {
    boolean named = everyone || caller != null
        && (accounts.contains(caller.accountId()) || arns.contains(caller.principalArn()));
    return named != negated;
  }
}
