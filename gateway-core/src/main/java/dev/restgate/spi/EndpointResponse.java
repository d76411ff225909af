package dev.restgate.spi;

import dev.restgate.http.Body;
import dev.restgate.http.Headers;

/**
 * What an integration's backend answered, before integration responses make the method response of it: AWS's
 * "endpoint response". A non-proxy integration hands it to the MAPPING phase through {@link Exchange#endpointResponse}.
 *
 * @param status the backend's status (200 for a Lambda invocation that ran, even when the function failed)
 * @param headers the backend's header fields, as received
 * @param body the body; a streamed body must be closed by whoever consumes or abandons it
 * @param errorMessage a Lambda function error's {@code errorMessage}, which selects the integration response of a
 *     Lambda non-proxy integration; null otherwise
 */
public record EndpointResponse(int status, Headers headers, Body body, String errorMessage) {
  public EndpointResponse {
    headers = headers == null ? new Headers(4) : headers;
    body = body == null ? Body.empty() : body;
  }
}
