package dev.restgate.spi;

import java.util.Set;

/**
 * Builds the terminal {@link Handler} of a method: the call to its backend. Found with
 * {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/dev.restgate.spi.IntegrationFactory}); the core provides {@code HTTP_PROXY} and
 * {@code AWS_PROXY}. Called once per method at deploy time.
 */
public interface IntegrationFactory {

  /** The integration types this factory builds, upper case ({@code HTTP}, {@code MOCK}, ...). */
  Set<String> types();

  /**
   * Builds the handler for {@code site.method().methodIntegration()}.
   *
   * @throws IllegalArgumentException when the integration is misconfigured; the message is reported with the method
   */
  Handler create(MethodSite site);
}
