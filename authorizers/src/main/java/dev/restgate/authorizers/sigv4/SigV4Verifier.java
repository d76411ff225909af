package dev.restgate.authorizers.sigv4;

import dev.restgate.authorizers.sigv4.SignatureRefusal.Kind;
import dev.restgate.http.GatewayRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) the way AWS services other than S3 do, in both forms:
 * the {@code Authorization} header, and the presigned query ({@code X-Amz-Algorithm}, {@code X-Amz-Credential},
 * {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature}, optionally
 * {@code X-Amz-Security-Token}). Thread-safe: one instance serves every request; it keeps derived signing keys for
 * their day.
 *
 * <p>A request is refused, with AWS's error type and message, when it carries no signature (or both forms), when a
 * part is missing or unreadable, when its credential is scoped to another region, service or day, when {@code host}
 * is not among its signed headers, when its date is more than 5 minutes off the clock (a presigned request: more than
 * 5 minutes ahead, or older than its {@code X-Amz-Expires}), when its access key is unknown, when its session token
 * is missing, unexpected or wrong, when its temporary credentials have expired, when its {@code
 * X-Amz-Content-Sha256} is not the hash of its body, and when the signature does not match.
 *
 * <p>Clients do not agree on the canonical form of a request, so the signature is checked against each form a
 * client may have signed and accepted if any matches: the path normalized and encoded again (the AWS SDKs and
 * botocore), or not normalized, or exactly as sent (curl); a {@code +} in the query as itself or as a space; for a
 * presigned request, the session token in the signed query or added after signing, and the body's hash or {@code
 * UNSIGNED-PAYLOAD}. A mismatch is reported with the AWS form.
 *
 * <p>The body is read (through {@link GatewayRequest#bodyBytes()}) only when its hash is signed and only once the
 * credential is known. Nothing is logged: refusal messages echo the request and are for the client.
 */
public final class SigV4Verifier {
  private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

  private final Clock clock;
  private final SigningKeys keys = new SigningKeys();

  public SigV4Verifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param signedPath the path the client signed: the full request path as received (raw, percent-encoded), which
   *     may include a servlet context path before {@code request.rawPath()}
   * @param service the signing name the credential must be scoped to: {@code execute-api}, {@code lambda}, ...
   * @param region the region the credential must be scoped to
   * @param credentials looks a credential up by access key id; called once the request's scope and time are good
   * @throws IOException when the body cannot be read, {@link dev.restgate.http.PayloadTooLargeException} past 10 MB
   */
  public Verification verify(GatewayRequest request, String signedPath, String service, String region,
      Function<String, Optional<SigningCredential>> credentials) throws IOException {
    Objects.requireNonNull(signedPath, "signedPath");
    try {
      CanonicalQuery query = CanonicalQuery.parse(request.rawQuery());
      SignatureClaim claim = SignatureClaim.parse(request.headers(), query);
      claim.checkScope(service, region);
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      claim.checkTime(now);
      SigningCredential credential = credentials.apply(claim.credential().accessKeyId())
          .orElseThrow(() -> new Refusal(Kind.UNRECOGNIZED_CLIENT, INVALID_TOKEN));
      checkSessionToken(credential, claim.securityToken());
      if (credential.expiration() != null && !now.isBefore(credential.expiration())) {
        throw new Refusal(Kind.EXPIRED_TOKEN, "The security token included in the request is expired");
      }
      checkSignature(request, signedPath, query, claim, credential);
      return new Verification.Verified(credential);
    } catch (Refusal refusal) {
      return new Verification.Refused(refusal.refusal());
    }
  }

  private static void checkSessionToken(SigningCredential credential, String presented) throws Refusal {
    String expected = credential.sessionToken();
    boolean valid = expected == null ? presented == null
        : presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
    if (!valid) {
      throw new Refusal(Kind.UNRECOGNIZED_CLIENT, INVALID_TOKEN);
    }
  }

  private void checkSignature(GatewayRequest request, String signedPath, CanonicalQuery query, SignatureClaim claim,
      SigningCredential credential) throws IOException, Refusal {
    Hashing hashing = new Hashing();
    CanonicalHeaders headers = CanonicalHeaders.of(request.headers(), claim.signedHeaders());
    List<String> uris = CanonicalUri.candidates(signedPath);
    List<String> queries = query.candidates(claim.presigned());
    String declaredHash = request.headers().first("X-Amz-Content-Sha256");
    List<String> payloadHashes;
    if (UNSIGNED_PAYLOAD.equals(declaredHash)) {
      payloadHashes = List.of(UNSIGNED_PAYLOAD);
    } else {
      String bodyHash = hashing.sha256Hex(request.bodyBytes());
      if (declaredHash == null) {
        payloadHashes = claim.presigned() ? List.of(bodyHash, UNSIGNED_PAYLOAD) : List.of(bodyHash);
      } else if (declaredHash.equalsIgnoreCase(bodyHash)) {
        payloadHashes = List.of(declaredHash);
      } else {
        CanonicalRequest aws = new CanonicalRequest(request.method(), uris.get(0), queries.get(0), headers, bodyHash);
        throw mismatch(aws, claim, hashing);
      }
    }
    SecretKeySpec key = keys.get(credential, claim.credential().date(), claim.credential().region(),
        claim.credential().service());
    byte[] provided = parseHex(claim.signature());
    for (String uri : uris) {
      for (String canonicalQuery : queries) {
        for (String payloadHash : payloadHashes) {
          CanonicalRequest candidate =
              new CanonicalRequest(request.method(), uri, canonicalQuery, headers, payloadHash);
          String stringToSign = stringToSign(candidate, claim, hashing);
          if (provided != null && MessageDigest.isEqual(hashing.hmac(key, stringToSign), provided)) {
            return;
          }
        }
      }
    }
    CanonicalRequest aws = new CanonicalRequest(request.method(), uris.get(0), queries.get(0), headers,
        payloadHashes.get(0));
    throw mismatch(aws, claim, hashing);
  }

  private static String stringToSign(CanonicalRequest canonical, SignatureClaim claim, Hashing hashing) {
    return CanonicalRequest.stringToSign(claim.amzDate(), claim.scope(), hashing.sha256Hex(canonical.text()));
  }

  private static Refusal mismatch(CanonicalRequest canonical, SignatureClaim claim, Hashing hashing) {
    return new Refusal(Kind.INVALID_SIGNATURE, "The request signature we calculated does not match the signature you "
        + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
        + "details.\n\nThe Canonical String for this request should have been\n'" + canonical.text()
        + "'\n\nThe String-to-Sign should have been\n'" + stringToSign(canonical, claim, hashing) + "'\n");
  }

  /** The signature's bytes; null when it is not hex, so that it matches nothing. */
  private static byte[] parseHex(String signature) {
    try {
      return HexFormat.of().parseHex(signature);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
