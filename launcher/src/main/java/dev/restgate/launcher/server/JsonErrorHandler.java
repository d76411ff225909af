package dev.restgate.launcher.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before the gateway sees them (a malformed request line or URI, a bad
 * {@code Host}, headers too large): AWS-style JSON, {@code {"message":"Bad Request"}}, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(JSON);
    response.write(true, body(code), callback);
  }

  /** The reason phrases are plain words, so they need no JSON escaping. */
  private static ByteBuffer body(int status) {
    return ByteBuffer.wrap(("{\"message\":\"" + HttpStatus.getMessage(status) + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }
}
