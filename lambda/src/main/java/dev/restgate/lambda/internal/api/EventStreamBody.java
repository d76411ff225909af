package dev.restgate.lambda.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.http.Body;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.spi.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * The body of an {@code InvokeWithResponseStream} answer in Lambda's wire format ({@code
 * application/vnd.amazon.eventstream}): a {@code PayloadChunk} event per piece the function writes, flushed to the
 * client at once, then one {@code InvokeComplete} event whose JSON carries {@code ErrorCode} and {@code
 * ErrorDetails} when the function failed (before its first byte or after it) and {@code LogResult} when the caller
 * asked for the log tail. Written once.
 */
final class EventStreamBody implements Body {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamBody.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CHUNK = 16 * 1024;

  private final Execution execution;
  private final InputStream payload;
  private final boolean tail;

  /**
   * @param execution how the invocation began: a stream, a whole answer, or a function error before any byte
   * @param tail whether {@code InvokeComplete} carries the log tail
   */
  EventStreamBody(Execution execution, boolean tail) {
    this.execution = execution;
    this.payload = execution.stream() != null ? execution.stream()
        : new ByteArrayInputStream(execution.functionError() != null ? new byte[0] : execution.payload());
    this.tail = tail;
  }

  @Override
  public long length() {
    return -1;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (payload) {
      String errorCode = null;
      String errorDetails = null;
      if (execution.functionError() != null) {
        JsonNode error = errorDocument(execution.payload());
        errorCode = error.path("errorType").asText(execution.functionError());
        errorDetails = error.path("errorMessage").asText(new String(execution.payload(), StandardCharsets.UTF_8));
      } else {
        byte[] buffer = new byte[MAX_CHUNK];
        while (true) {
          int n;
          try {
            n = payload.read(buffer);
          } catch (IOException e) {
            // The function failed or timed out after it began to answer: Lambda reports it in InvokeComplete.
            LOG.debug("A streamed answer broke off: {}", e.getMessage());
            errorCode = e.getMessage() != null && e.getMessage().startsWith("Task timed out")
                ? "Sandbox.Timedout" : "Unhandled";
            errorDetails = e.getMessage();
            break;
          }
          if (n < 0) {
            break;
          }
          if (n > 0) {
            write(out, event("PayloadChunk", "application/octet-stream", Arrays.copyOf(buffer, n)));
          }
        }
      }
      write(out, event("InvokeComplete", "application/json", complete(errorCode, errorDetails)));
    }
  }

  @Override
  public byte[] bytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writeTo(bytes);
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    try {
      payload.close();
    } catch (IOException ignored) {
      // Abandoned either way.
    }
  }

  private byte[] complete(String errorCode, String errorDetails) {
    StringBuilder json = new StringBuilder("{");
    if (errorCode != null) {
      json.append("\"ErrorCode\":").append(Json.quote(errorCode))
          .append(",\"ErrorDetails\":").append(Json.quote(errorDetails == null ? "" : errorDetails));
    }
    if (tail) {
      json.append(json.length() > 1 ? "," : "").append("\"LogResult\":").append(Json.quote(execution.logResult()));
    }
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode errorDocument(byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static Message event(String type, String contentType, byte[] payload) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(type));
    headers.put(":content-type", HeaderValue.fromString(contentType));
    headers.put(":message-type", HeaderValue.fromString("event"));
    return new Message(headers, payload);
  }

  private static void write(OutputStream out, Message message) throws IOException {
    ByteBuffer encoded = message.toByteBuffer();
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    out.write(bytes);
    out.flush();
  }
}
