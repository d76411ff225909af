package dev.restgate.authorizers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An IAM-style identity that may sign requests with SigV4.
 *
 * @param sessionToken the session token of temporary credentials, which signed requests must carry, or null
 * @param expiration when temporary credentials expire, or null
 * @param arn the principal ARN, e.g. {@code arn:aws:iam::123456789012:user/alice}
 * @param policies IAM policy documents attached to the identity
 */
public record IdentityConfig(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
    String arn, List<JsonNode> policies) {
  public IdentityConfig {
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  @Override
  public String toString() {
    return "IdentityConfig[accessKeyId=" + accessKeyId + ", arn=" + arn + "]";
  }
}
