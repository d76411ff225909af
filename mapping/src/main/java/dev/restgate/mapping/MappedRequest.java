package dev.restgate.mapping;

import dev.restgate.spi.Exchange;
import java.nio.charset.StandardCharsets;

/**
 * What the request side of a non-proxy integration made of the method request, for the integration to send: the
 * rendered request template, or the method request's body when it passes through, after {@code contentHandling}.
 *
 * @param body the endpoint request's body
 */
record MappedRequest(byte[] body) {
  static final Exchange.Key<MappedRequest> KEY = Exchange.Key.of("mapping.request", MappedRequest.class);

  /** The body as UTF-8 text. */
  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
