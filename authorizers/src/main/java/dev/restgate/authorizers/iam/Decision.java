package dev.restgate.authorizers.iam;

/** What policies say about a request: IAM's three outcomes. */
public enum Decision {
  ALLOW,
  EXPLICIT_DENY,
  IMPLICIT_DENY;

  /** Several policies together: an explicit deny in any wins, then an allow in any, else an implicit deny. */
  public static Decision combine(Iterable<Decision> decisions) {
    Decision combined = IMPLICIT_DENY;
    for (Decision decision : decisions) {
      if (decision == EXPLICIT_DENY) {
        return EXPLICIT_DENY;
      }
      if (decision == ALLOW) {
        combined = ALLOW;
      }
    }
    return combined;
  }
}
