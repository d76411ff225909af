package dev.restgate.authorizers;

import dev.restgate.authorizers.iam.Decision;
import dev.restgate.authorizers.iam.Policy;
import dev.restgate.authorizers.iam.RequestFacts;
import dev.restgate.authorizers.sigv4.Verification;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import java.io.IOException;
import java.time.Clock;

/**
 * {@code authorizationType: AWS_IAM}: a SigV4 signature (service {@code execute-api}) by a configured identity, then
 * {@code execute-api:Invoke} on the method ARN. With a resource policy, AWS's rules for IAM: a caller of the API's
 * own account is allowed when either its identity policies or the resource policy allow and neither denies
 * explicitly; a caller of another account needs both to allow.
 */
final class IamCheck implements CallerCheck {
  private final Identities identities;
  private final Policy resourcePolicy;
  private final String accountId;
  private final Clock clock;

  /** @param resourcePolicy the API's resource policy, or null */
  IamCheck(Identities identities, Policy resourcePolicy, String accountId, Clock clock) {
    this.identities = identities;
    this.resourcePolicy = resourcePolicy;
    this.accountId = accountId;
    this.clock = clock;
  }

  @Override
  public void check(Exchange exchange, String methodArn) throws GatewayException, IOException {
    Verification verification = identities.verify(exchange.request(), "execute-api");
    if (verification instanceof Verification.Refused refused) {
      throw Refusals.signatureRefused(refused.refusal());
    }
    Identity identity = identities.identity((Verification.Verified) verification);
    exchange.identity(identity.describe(exchange.identity()));
    RequestFacts facts = Refusals.facts(exchange, methodArn, identity.caller(), clock);
    Decision own = identity.evaluate(facts);
    Decision resource = resourcePolicy == null ? null : resourcePolicy.evaluate(facts);
    boolean explicitDeny = own == Decision.EXPLICIT_DENY || resource == Decision.EXPLICIT_DENY;
    boolean allowed;
    if (explicitDeny) {
      allowed = false;
    } else if (resource == null) {
      allowed = own == Decision.ALLOW;
    } else if (accountId.equals(identity.caller().accountId())) {
      allowed = own == Decision.ALLOW || resource == Decision.ALLOW;
    } else {
      allowed = own == Decision.ALLOW && resource == Decision.ALLOW;
    }
    if (!allowed) {
      throw Refusals.notAuthorized(identity.caller().principalArn(), methodArn, explicitDeny);
    }
  }
}
