package dev.restgate.authorizers;

import dev.restgate.authorizers.iam.Policy;
import dev.restgate.authorizers.jwt.JwtVerifier;
import dev.restgate.authorizers.jwt.TokenResult;
import dev.restgate.authorizers.jwt.TokenRules;
import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.ParameterExpression;
import java.time.Clock;
import java.util.List;

/**
 * {@code authorizationType: COGNITO_USER_POOLS}: a JWT from one of the authorizer's user pools, in the header its
 * identity source names. A resource policy that explicitly denies the caller refuses first. Without
 * {@code authorizationScopes} the token must be an ID token; with them, an access token holding one of the scopes.
 * Claims reach {@code $context.authorizer.claims.*}.
 */
final class CognitoCheck implements CallerCheck {
  private static final String EXPIRED = "The incoming token has expired";

  private final ParameterExpression header;
  private final List<TokenRules> pools;
  private final JwtVerifier verifier;
  private final Policy resourcePolicy;
  private final Clock clock;

  /**
   * @param pools the rules of each user pool of the authorizer
   * @param resourcePolicy the API's resource policy, or null
   */
  CognitoCheck(ParameterExpression header, List<TokenRules> pools, JwtVerifier verifier, Policy resourcePolicy,
      Clock clock) {
    this.header = header;
    this.pools = List.copyOf(pools);
    this.verifier = verifier;
    this.resourcePolicy = resourcePolicy;
    this.clock = clock;
  }

  @Override
  public void check(Exchange exchange, String methodArn) throws GatewayException {
    ResourcePolicyCheck.refuseExplicitDeny(resourcePolicy, exchange, methodArn, clock);
    String token = header.evaluate(exchange);
    if (token == null || token.isEmpty()) {
      throw Refusals.unauthorized();
    }
    String message = GatewayResponseType.UNAUTHORIZED.defaultMessage();
    for (TokenRules pool : pools) {
      TokenResult result = verifier.verify(token, pool);
      if (result instanceof TokenResult.Valid valid) {
        exchange.authorizer(new AuthorizerContext(null, null, valid.claims(), null, null));
        return;
      }
      if (EXPIRED.equals(((TokenResult.Invalid) result).message())) {
        message = EXPIRED;
      }
    }
    throw new GatewayException(GatewayResponseType.UNAUTHORIZED, message);
  }
}
