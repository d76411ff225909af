package dev.restgate.authorizers.sigv4;

/**
 * The canonical request of SigV4 and the string to sign that hashes it.
 *
 * @param uri the canonical URI, see {@link CanonicalUri}
 * @param query the canonical query string, see {@link CanonicalQuery}
 * @param payloadHash the hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
 */
record CanonicalRequest(String method, String uri, String query, CanonicalHeaders headers, String payloadHash) {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  String text() {
    return method + '\n' + uri + '\n' + query + '\n' + headers.text() + '\n' + headers.signedHeaders() + '\n'
        + payloadHash;
  }

  /**
   * @param amzDate the request time in ISO 8601 basic format, {@code 20150830T123600Z}
   * @param scope {@code date/region/service/aws4_request}
   * @param canonicalRequestHash the hex SHA-256 of {@link #text()}
   */
  static String stringToSign(String amzDate, String scope, String canonicalRequestHash) {
    return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + canonicalRequestHash;
  }
}
