package dev.restgate.authorizers.jwt;

import java.io.IOException;
import java.net.URI;

/**
 * Reads a JWKS document for {@link JwksCache}. The cache calls it on its background executor only, never on a
 * request thread, and at most once at a time per URI.
 *
 * <p>Implementations bound the time and the size of the read themselves. An exception's message is logged, so it
 * names the failure (status, timeout) and never carries the response body.
 */
@FunctionalInterface
public interface JwksFetcher {
  /**
   * Returns the body of a successful response for {@code uri}.
   *
   * @throws IOException when the document could not be read, or the answer was not a success
   */
  String fetch(URI uri) throws IOException;
}
