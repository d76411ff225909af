package dev.restgate.internal.integration;

import dev.restgate.http.Body;
import dev.restgate.http.Headers;
import dev.restgate.spi.EndpointRequest;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.OutboundHttp;
import dev.restgate.spi.OutboundHttpStats;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpDestination;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The gateway's outbound HTTP clients: one pooled client for all backends, plus one that skips TLS verification,
 * started only when something asks for it ({@code tlsConfig.insecureSkipVerification}). The {@link OutboundHttp}
 * service of modules, and the transport of {@code HTTP_PROXY}; its pools' state is the {@link OutboundHttpStats}
 * service. Stopped with the gateway.
 */
public final class HttpClients implements OutboundHttp, OutboundHttpStats, AutoCloseable {
  private final HttpClient standard;
  private volatile HttpClient insecure;

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

  HttpClient client(boolean verifyTls) {
    return verifyTls ? standard : insecure();
  }

  private HttpClient insecure() {
    HttpClient client = insecure;
    if (client == null) {
      synchronized (this) {
        client = insecure;
        if (client == null) {
          SslContextFactory.Client trustAll = new SslContextFactory.Client(true);
          trustAll.setEndpointIdentificationAlgorithm(null);
          client = configure(new HttpClient());
          client.setSslContextFactory(trustAll);
          try {
            client.start();
          } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client for insecureSkipVerification", e);
          }
          insecure = client;
        }
      }
    }
    return client;
  }

  @Override
  public EndpointResponse send(EndpointRequest request, Duration timeout, boolean verifyTls)
      throws IOException, TimeoutException {
    Request outbound = client(verifyTls).newRequest(request.uri()).method(request.method());
    Headers headers = request.headers();
    outbound.headers(fields -> headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
        fields.add(name, value);
      }
    }));
    if (request.body().length() != 0) {
      outbound.body(new BytesRequestContent(headers.last("Content-Type"), request.body().bytes()));
    }
    Received received = send(outbound, timeout.toMillis());
    Response response = received.response();
    Headers responseHeaders = new Headers(response.getHeaders().size());
    for (HttpField field : response.getHeaders()) {
      responseHeaders.add(field.getName(), field.getValue());
    }
    return new EndpointResponse(response.getStatus(), responseHeaders,
        Body.stream(received.body(), response.getHeaders().getLongField("Content-Length")), null);
  }

  /**
   * Sends {@code outbound} and waits for the response head; the body then streams.
   *
   * @throws TimeoutException when no head arrived within {@code timeoutMillis} (the request is aborted)
   * @throws IOException when the exchange failed
   */
  static Received send(Request outbound, long timeoutMillis) throws IOException, TimeoutException {
    outbound.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    InputStreamResponseListener listener = new InputStreamResponseListener();
    outbound.send(listener);
    try {
      return new Received(listener.get(timeoutMillis, TimeUnit.MILLISECONDS), listener.getInputStream());
    } catch (TimeoutException e) {
      outbound.abort(e);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TimeoutException timeout) {
        throw timeout;
      }
      throw new IOException(String.valueOf(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outbound.abort(e);
      throw new IOException("interrupted while waiting for the backend", e);
    }
  }

  @Override
  public Connections connections() {
    int[] totals = new int[6];
    add(standard, totals);
    HttpClient other = insecure;
    if (other != null) {
      add(other, totals);
    }
    return new Connections(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]);
  }

  /** Adds the pools of {@code client}'s destinations to active, idle, pending, max, queued, destinations. */
  private static void add(HttpClient client, int[] totals) {
    for (Destination destination : client.getDestinations()) {
      totals[5]++;
      if (destination.getConnectionPool() instanceof AbstractConnectionPool pool) {
        totals[0] += pool.getActiveConnectionCount();
        totals[1] += pool.getIdleConnectionCount();
        totals[2] += pool.getPendingConnectionCount();
        totals[3] += pool.getMaxConnectionCount();
      }
      if (destination instanceof HttpDestination http) {
        totals[4] += http.getQueuedRequestCount();
      }
    }
  }

  /** A response head and its streaming body. */
  record Received(Response response, InputStream body) {}

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
