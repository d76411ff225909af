package dev.restgate.war;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP requests for the tests. Sending {@code Host} needs {@code -Djdk.httpclient.allowRestrictedHeaders=host},
 * which the build sets.
 */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private Http() {}

  /**
   * Sends one request.
   *
   * @param headers name, value, name, value, ...
   */
  static HttpResponse<String> send(String method, URI uri, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static HttpResponse<String> get(URI uri, String... headers) {
    return send("GET", uri, null, headers);
  }

  /** Polls {@code uri} until the server answers with any status: the way to wait for a server to come up. */
  static HttpResponse<String> awaitAnswer(URI uri, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    AssertionError last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        return get(uri);
      } catch (AssertionError e) {
        last = e;
      }
      CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)).join();
    }
    throw new AssertionError("no answer from " + uri + " within " + timeout, last);
  }
}
