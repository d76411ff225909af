package dev.restgate.internal.integration;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The gateway's outbound HTTP clients: one pooled client for all backends, plus one that skips TLS verification,
 * started only when an integration asks for it ({@code tlsConfig.insecureSkipVerification}). Stopped with the gateway.
 */
public final class HttpClients implements AutoCloseable {
  private final HttpClient standard;
  private HttpClient insecure;

  private HttpClients(HttpClient standard) {
    this.standard = standard;
  }

  /** Creates and starts the standard client. */
  public static HttpClients start() throws Exception {
    HttpClient standard = configure(new HttpClient());
    standard.start();
    return new HttpClients(standard);
  }

  private static HttpClient configure(HttpClient client) {
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    // Bodies pass through as the backend sent them; Content-Encoding goes to the client untouched.
    client.getContentDecoderFactories().clear();
    client.setMaxConnectionsPerDestination(1024);
    client.setConnectTimeout(10_000);
    client.setIdleTimeout(60_000);
    return client;
  }

  HttpClient standard() {
    return standard;
  }

  /** Called at deploy time only. */
  synchronized HttpClient insecure() {
    if (insecure == null) {
      SslContextFactory.Client trustAll = new SslContextFactory.Client(true);
      trustAll.setEndpointIdentificationAlgorithm(null);
      HttpClient client = configure(new HttpClient());
      client.setSslContextFactory(trustAll);
      try {
        client.start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the HTTP client for insecureSkipVerification", e);
      }
      insecure = client;
    }
    return insecure;
  }

  @Override
  public synchronized void close() throws Exception {
    try {
      standard.stop();
    } finally {
      if (insecure != null) {
        insecure.stop();
      }
    }
  }
}
