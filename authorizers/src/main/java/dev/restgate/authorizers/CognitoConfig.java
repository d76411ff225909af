package dev.restgate.authorizers;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cognito} of {@code gateway.yaml}: where the key sets of user pools are, so that
 * {@code COGNITO_USER_POOLS} authorizers verify tokens of a self-hosted issuer, or of AWS Cognito itself.
 *
 * @param userPools pools whose issuer or key set differs from AWS's, by pool id
 */
public record CognitoConfig(List<UserPool> userPools) {
  /** No pools configured: every pool is AWS Cognito's. */
  public static final CognitoConfig NONE = new CognitoConfig(List.of());

  public CognitoConfig {
    userPools = List.copyOf(userPools);
  }

  /** The configured pool with id {@code poolId}. */
  public Optional<UserPool> pool(String poolId) {
    return userPools.stream().filter(pool -> pool.id().equals(poolId)).findFirst();
  }

  /**
   * A user pool.
   *
   * @param id the pool id, as in the pool's ARN ({@code us-east-1_AbCdEf123})
   * @param issuer the {@code iss} of the pool's tokens
   * @param jwksUri where the pool's public keys are
   */
  public record UserPool(String id, String issuer, URI jwksUri) {}
}
