package dev.restgate.internal.integration;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The gateway's outbound HTTP clients, one pooled client for all backends plus one that skips TLS verification for
 * integrations with {@code tlsConfig.insecureSkipVerification}. Started with the gateway, stopped with it.
 */
public final class HttpClients implements AutoCloseable {
  private final HttpClient standard;
  private final HttpClient insecure;

  private HttpClients(HttpClient standard, HttpClient insecure) {
    this.standard = standard;
    this.insecure = insecure;
  }

  /** Creates and starts both clients. */
  public static HttpClients start() throws Exception {
    HttpClient standard = configure(new HttpClient());
    SslContextFactory.Client trustAll = new SslContextFactory.Client(true);
    trustAll.setEndpointIdentificationAlgorithm(null);
    HttpClient insecure = new HttpClient();
    insecure.setSslContextFactory(trustAll);
    configure(insecure);
    standard.start();
    try {
      insecure.start();
    } catch (Exception e) {
      standard.stop();
      throw e;
    }
    return new HttpClients(standard, insecure);
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

  HttpClient insecure() {
    return insecure;
  }

  @Override
  public void close() throws Exception {
    try {
      standard.stop();
    } finally {
      insecure.stop();
    }
  }
}
