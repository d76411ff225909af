package dev.restgate.spi;

import dev.restgate.http.GatewayRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * Decides whether a call to a {@link ServiceEndpoint} may proceed: the caller signed it with SigV4 for the service,
 * as a configured identity whose IAM policies allow the action on the resource. A module registers one for each
 * configuration ({@link ModuleContext#registerService}); endpoints reach it through {@link ServiceCall#authorize}.
 * Thread-safe. Every failure is a refusal: it never lets a call through that it could not check.
 */
public interface ServiceCallAuthorizer {

  /**
   * Checks one call.
   *
   * @param signingService the service in the signature's credential scope, e.g. {@code lambda}
   * @param action the IAM action, e.g. {@code lambda:InvokeFunction}
   * @param resourceArn the resource the call acts on
   * @return empty when the call may proceed, else why not
   * @throws IOException when the request body, which the signature covers, cannot be read
   */
  Optional<CallRefusal> authorize(GatewayRequest request, String signingService, String action, String resourceArn)
      throws IOException;
}
