package dev.restgate.spi;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;

/**
 * An AWS-style service API the gateway serves beside the invoke URLs (the Lambda Invoke API, later a control
 * plane). Registered by a {@link GatewayModule}; consulted, in registration order, for requests that are not invoke
 * URLs. Thread-safe.
 */
public interface ServiceEndpoint {

  /** Whether this endpoint answers {@code request}; must be cheap (a prefix test). */
  boolean matches(GatewayRequest request);

  /**
   * Answers the call. The gateway adds {@code x-amzn-RequestId} when the response has none. An endpoint that acts
   * for a caller checks the call's signature and permissions first ({@link ServiceCall#authorize}).
   */
  GatewayResponse handle(ServiceCall call) throws Exception;
}
