package dev.restgate.authorizers;

import dev.restgate.authorizers.iam.Decision;
import dev.restgate.authorizers.iam.Policy;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import java.time.Clock;

/**
 * A method with {@code authorizationType: NONE} under an API resource policy: the policy must allow anonymous
 * callers ({@code "Principal": "*"}), as on AWS.
 */
final class ResourcePolicyCheck implements CallerCheck {
  private final Policy resourcePolicy;
  private final Clock clock;

  ResourcePolicyCheck(Policy resourcePolicy, Clock clock) {
    this.resourcePolicy = resourcePolicy;
    this.clock = clock;
  }

  @Override
  public void check(Exchange exchange, String methodArn) throws GatewayException {
    Decision decision = resourcePolicy.evaluate(Refusals.facts(exchange, methodArn, null, clock));
    if (decision != Decision.ALLOW) {
      throw Refusals.notAuthorized("anonymous", methodArn, decision == Decision.EXPLICIT_DENY);
    }
  }

  /** Refuses the call when {@code resourcePolicy} (may be null) explicitly denies anonymous callers. */
  static void refuseExplicitDeny(Policy resourcePolicy, Exchange exchange, String methodArn, Clock clock)
      throws GatewayException {
    if (resourcePolicy != null
        && resourcePolicy.evaluate(Refusals.facts(exchange, methodArn, null, clock)) == Decision.EXPLICIT_DENY) {
      throw Refusals.notAuthorized("anonymous", methodArn, true);
    }
  }
}
