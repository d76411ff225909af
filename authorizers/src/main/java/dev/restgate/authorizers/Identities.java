package dev.restgate.authorizers;

import dev.restgate.authorizers.sigv4.SigV4Verifier;
import dev.restgate.authorizers.sigv4.SigningCredential;
import dev.restgate.authorizers.sigv4.Verification;
import dev.restgate.http.GatewayRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The identities of one configuration, by access key id, and the check of a request's signature against them. */
final class Identities {
  private final Map<String, Identity> byAccessKey;
  private final SigV4Verifier verifier;
  private final String region;

  private Identities(Map<String, Identity> byAccessKey, SigV4Verifier verifier, String region) {
    this.byAccessKey = byAccessKey;
    this.verifier = verifier;
    this.region = region;
  }

  /**
   * Compiles the configured identities.
   *
   * @param region the region requests must be signed for: the gateway's
   * @throws IllegalArgumentException when a policy cannot be compiled
   */
  static Identities compile(List<IdentityConfig> identities, SigV4Verifier verifier, String region) {
    Map<String, Identity> byAccessKey = new HashMap<>();
    for (IdentityConfig identity : identities) {
      byAccessKey.put(identity.accessKeyId(), Identity.of(identity));
    }
    return new Identities(Map.copyOf(byAccessKey), verifier, region);
  }

  /**
   * Checks the SigV4 signature of {@code request} for {@code service}, over the full path the client addressed
   * (the mount path included).
   */
  Verification verify(GatewayRequest request, String service) throws IOException {
    return verifier.verify(request, request.mountPath() + request.rawPath(), service, region, this::credential);
  }

  /** The identity that signed with the credential a verification accepted. */
  Identity identity(Verification.Verified verified) {
    return byAccessKey.get(verified.credential().accessKeyId());
  }

  private Optional<SigningCredential> credential(String accessKeyId) {
    Identity identity = byAccessKey.get(accessKeyId);
    return identity == null ? Optional.empty() : Optional.of(identity.credential());
  }
}
