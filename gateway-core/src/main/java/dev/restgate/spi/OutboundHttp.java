package dev.restgate.spi;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's outbound HTTP client, shared by every module that calls out (HTTP integrations, JWKS fetches,
 * webhooks): one pool of keep-alive connections, no redirects followed, bodies passed as they are (no decompression).
 * A service: {@code site.service(OutboundHttp.class)} at deploy time, {@code context.service(OutboundHttp.class)} in a
 * module. Thread-safe; blocks the calling thread up to the timeout.
 */
public interface OutboundHttp {

  /**
   * Sends {@code request} and returns once the response head has arrived; the body streams and must be closed.
   *
   * @param timeout how long to wait for the response head
   * @param verifyTls false to accept any TLS certificate ({@code tlsConfig.insecureSkipVerification})
   * @throws TimeoutException when no response head arrived within {@code timeout}
   * @throws IOException when the backend could not be reached or broke the connection
   */
  EndpointResponse send(EndpointRequest request, Duration timeout, boolean verifyTls)
      throws IOException, TimeoutException;
}
