package dev.restgate.authorizers;

import dev.restgate.authorizers.iam.Decision;
import dev.restgate.authorizers.iam.RequestFacts;
import dev.restgate.authorizers.sigv4.SignatureRefusal;
import dev.restgate.authorizers.sigv4.Verification;
import dev.restgate.http.GatewayRequest;
import dev.restgate.spi.CallRefusal;
import dev.restgate.spi.ServiceCallAuthorizer;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks calls to the gateway's service endpoints (the Lambda Invoke API): a SigV4 signature by a configured
 * identity, and an allow for the action in that identity's policies, worded as AWS services word their refusals.
 */
final class SignedCalls implements ServiceCallAuthorizer {
  private final Identities identities;
  private final Clock clock;

  SignedCalls(Identities identities, Clock clock) {
    this.identities = identities;
    this.clock = clock;
  }

  @Override
  public Optional<CallRefusal> authorize(GatewayRequest request, String signingService, String action,
      String resourceArn) throws IOException {
    Verification verification = identities.verify(request, signingService);
    if (verification instanceof Verification.Refused refused) {
      SignatureRefusal refusal = refused.refusal();
      return Optional.of(new CallRefusal(403, refusal.kind().errorType(), refusal.message()));
    }
    Identity identity = identities.identity((Verification.Verified) verification);
    RequestFacts facts = new RequestFacts(action, resourceArn, identity.caller(), request.sourceIp(), clock.instant(),
        "https".equals(request.scheme()), request.headers().first("User-Agent"));
    Decision decision = identity.evaluate(facts);
    if (decision == Decision.ALLOW) {
      return Optional.empty();
    }
    String reason = decision == Decision.EXPLICIT_DENY
        ? " with an explicit deny in an identity-based policy"
        : " because no identity-based policy allows the " + action + " action";
    return Optional.of(new CallRefusal(403, "AccessDeniedException", "User: " + identity.caller().principalArn()
        + " is not authorized to perform: " + action + " on resource: " + resourceArn + reason));
  }
}
