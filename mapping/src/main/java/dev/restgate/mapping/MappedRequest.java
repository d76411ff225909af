package dev.restgate.mapping;

import dev.restgate.spi.Exchange;

/**
 * What the request side of a non-proxy integration made of the method request, for the integration to send: the
 * rendered request template, or the method request's body when it passes through.
 *
 * @param body the endpoint request's body as text
 */
record MappedRequest(String body) {
  static final Exchange.Key<MappedRequest> KEY = Exchange.Key.of("mapping.request", MappedRequest.class);
}
