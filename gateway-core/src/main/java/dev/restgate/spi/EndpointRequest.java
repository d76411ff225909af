package dev.restgate.spi;

import dev.restgate.http.Body;
import dev.restgate.http.Headers;
import java.net.URI;
import java.util.Objects;

/**
 * The request an integration sends to its backend: AWS's "endpoint request". The MAPPING phase builds it for
 * non-proxy integrations (parameter mappings, the rendered request template) and hands it to the integration through
 * {@link Exchange#endpointRequest}; {@link OutboundHttp} sends it.
 *
 * @param method the HTTP method, upper case
 * @param uri the absolute URI, query included
 * @param headers the header fields to send; hop-by-hop fields are the client library's business
 * @param body the body, {@link Body#empty()} for none
 */
public record EndpointRequest(String method, URI uri, Headers headers, Body body) {
  public EndpointRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = headers == null ? new Headers(4) : headers;
    body = body == null ? Body.empty() : body;
  }
}
