package dev.restgate.authorizers;

import java.util.List;

/** The {@code identities} of {@code gateway.yaml}: who may sign requests with SigV4, and what they may do. */
public record IdentitiesConfig(List<IdentityConfig> identities) {
  /** No identities. */
  public static final IdentitiesConfig NONE = new IdentitiesConfig(List.of());

  public IdentitiesConfig {
    identities = List.copyOf(identities);
  }
}
