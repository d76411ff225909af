package dev.restgate.spi;

import dev.restgate.http.GatewayRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * One call to a {@link ServiceEndpoint}: the request, the id the gateway gave it, and the check of its signature.
 * Belongs to one request and thread.
 */
public final class ServiceCall {
  private final GatewayRequest request;
  private final String requestId;
  private final ServiceCallAuthorizer authorizer;
  private final ServiceLookup services;

  /** A call that finds no services: {@link #service} is always empty. */
  public ServiceCall(GatewayRequest request, String requestId, ServiceCallAuthorizer authorizer) {
    this(request, requestId, authorizer, ServiceLookup.none());
  }

  /**
   * @param authorizer the configuration's authorizer of signed calls
   * @param services the services of the configuration serving the call
   */
  public ServiceCall(GatewayRequest request, String requestId, ServiceCallAuthorizer authorizer,
      ServiceLookup services) {
    this.request = request;
    this.requestId = requestId;
    this.authorizer = authorizer;
    this.services = services;
  }

  public GatewayRequest request() {
    return request;
  }

  /** The request id; the gateway sends it as {@code x-amzn-RequestId} when the response has none. */
  public String requestId() {
    return requestId;
  }

  /**
   * A service of the configuration serving this call, whichever module registered it ({@link
   * dev.restgate.spi.StageCaches}, for example); empty when none is registered.
   */
  public <T> Optional<T> service(Class<T> type) {
    return services.find(type);
  }

  /**
   * Checks that the caller signed this call with SigV4 for {@code signingService} and may perform {@code action} on
   * {@code resourceArn}. When no module checks signatures, every call is refused.
   *
   * @return empty when the call may proceed, else the refusal to answer with
   * @throws IOException when the request body cannot be read
   */
  public Optional<CallRefusal> authorize(String signingService, String action, String resourceArn)
      throws IOException {
    return authorizer.authorize(request, signingService, action, resourceArn);
  }
}
