package dev.restgate.authorizers;

import dev.restgate.authorizers.iam.Caller;
import dev.restgate.authorizers.iam.Decision;
import dev.restgate.authorizers.iam.Policy;
import dev.restgate.authorizers.iam.RequestFacts;
import dev.restgate.authorizers.sigv4.SigningCredential;
import dev.restgate.spi.Ids;
import dev.restgate.spi.RequestIdentity;
import java.util.List;
import java.util.Locale;

/**
 * A configured identity, compiled: the credential it signs with, who it is, and its identity policies.
 *
 * @param userId the stable unique id AWS would give the principal ({@code AIDA...} for users, {@code AROA...} for
 *     roles, the account id for the root user), derived from the ARN
 */
record Identity(SigningCredential credential, Caller caller, List<Policy> policies) {

  static Identity of(IdentityConfig config) {
    String arn = config.arn();
    String account = arn.split(":", 6)[4];
    String resource = arn.split(":", 6)[5];
    String userId;
    String username = null;
    if (resource.startsWith("user/")) {
      userId = "AIDA" + Ids.derive(17, "iam-unique-id", arn).toUpperCase(Locale.ROOT);
      username = resource.substring(resource.lastIndexOf('/') + 1);
    } else if (resource.startsWith("role/")) {
      userId = "AROA" + Ids.derive(17, "iam-unique-id", arn).toUpperCase(Locale.ROOT);
    } else {
      userId = account;
    }
    List<Policy> policies = config.policies().stream().map(Policy::identity).toList();
    return new Identity(new SigningCredential(config.accessKeyId(), config.secretAccessKey(), config.sessionToken(),
        config.expiration()), new Caller(arn, account, userId, username), policies);
  }

  /** What the identity's policies say about {@code facts}: an explicit deny in any wins, then an allow in any. */
  Decision evaluate(RequestFacts facts) {
    return Decision.combine(policies.stream().map(policy -> policy.evaluate(facts)).toList());
  }

  /** {@code identity} with this principal: {@code $context.identity.accessKey}, {@code caller}, {@code userArn}... */
  RequestIdentity describe(RequestIdentity identity) {
    return identity.withIamPrincipal(credential.accessKeyId(), caller.accountId(), caller.userId(), caller.userId(),
        caller.principalArn());
  }
}
