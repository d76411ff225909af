package dev.restgate.authorizers;

import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import java.io.IOException;

/** How one method establishes who calls it and whether they may: built per method, thread-safe. */
interface CallerCheck {

  /**
   * Checks the caller of {@code exchange}; on success records what it learned on the exchange (identity,
   * authorizer context).
   *
   * @param methodArn the ARN of the method called
   * @throws GatewayException refusing the request
   * @throws IOException when the request body, which a signature covers, cannot be read
   */
  void check(Exchange exchange, String methodArn) throws GatewayException, IOException;
}
