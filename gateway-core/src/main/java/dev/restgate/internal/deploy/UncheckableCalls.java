package dev.restgate.internal.deploy;

import dev.restgate.http.GatewayRequest;
import dev.restgate.spi.CallRefusal;
import dev.restgate.spi.ServiceCallAuthorizer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorizer of signed calls when no module provides one: it refuses every call, so an endpoint that asks for
 * a signature is never served open, and says once per configuration why.
 */
final class UncheckableCalls implements ServiceCallAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(UncheckableCalls.class);
  private static final String MESSAGE =
      "Signed calls cannot be checked: no module on the class path verifies SigV4 signatures";

  private final AtomicBoolean logged = new AtomicBoolean();

  @Override
  public Optional<CallRefusal> authorize(GatewayRequest request, String signingService, String action,
      String resourceArn) {
    if (logged.compareAndSet(false, true)) {
      LOG.warn("Refusing {} calls: no module verifies SigV4 signatures (add the authorizers module)", action);
    }
    return Optional.of(new CallRefusal(403, "AccessDeniedException", MESSAGE));
  }
}
