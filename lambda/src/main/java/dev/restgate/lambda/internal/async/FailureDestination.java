package dev.restgate.lambda.internal.async;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.lambda.AsyncInvokeConfig.OnFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where an event goes after its last failed attempt: AWS's on-failure destination record, appended as one line to a
 * dead-letter file, or queued as the event of a destination function (AWS invokes destination functions
 * asynchronously too). Thread-safe.
 */
final class FailureDestination {
  /** Why an event was given up, as the record's {@code requestContext.condition} says it. */
  enum Condition { RetriesExhausted, EventAgeExceeded }

  /** Queues a record for a destination function. */
  interface Forwarder {
    void forward(String function, byte[] record) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path deadLetterFile;
  private final String function;
  private final Forwarder forwarder;

  private FailureDestination(Path deadLetterFile, String function, Forwarder forwarder) {
    this.deadLetterFile = deadLetterFile;
    this.function = function;
    this.forwarder = forwarder;
  }

  /** The destination {@code onFailure} names (its dead-letter file under {@code dataDirectory}), or null for none. */
  static FailureDestination of(OnFailure onFailure, Path dataDirectory, Forwarder forwarder) {
    if (onFailure == null) {
      return null;
    }
    return new FailureDestination(
        onFailure.deadLetterFile() == null ? null : dataDirectory.resolve(onFailure.deadLetterFile()).normalize(),
        onFailure.functionName(), forwarder);
  }

  /** What the log says the event went to. */
  String describe() {
    return deadLetterFile != null ? "dead-letter file " + deadLetterFile : "function " + function;
  }

  /**
   * Sends the record of a failed event.
   *
   * @param functionArn the ARN of the function that failed, with the version that ran last (or, for an event that
   *     never ran, the qualifier it was sent to)
   */
  void send(QueuedEvent event, String functionArn, Condition condition, Instant now) throws IOException {
    byte[] record = JSON.writeValueAsBytes(record(event, functionArn, condition, now));
    if (deadLetterFile == null) {
      forwarder.forward(function, record);
      return;
    }
    Files.createDirectories(deadLetterFile.toAbsolutePath().getParent());
    // One write of one whole line in append mode: lines of concurrent deliveries do not interleave.
    ByteBuffer line = ByteBuffer.allocate(record.length + 1).put(record).put((byte) '\n').flip();
    try (FileChannel channel = FileChannel.open(deadLetterFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(true);
    }
  }

  /**
   * AWS's destination record (version 1.0). Its {@code responseContext} and {@code responsePayload} are those of the
   * event's last attempt, for {@code EventAgeExceeded} too, as AWS sends them; an event that never ran has neither.
   */
  static ObjectNode record(QueuedEvent event, String functionArn, Condition condition, Instant now) {
    ObjectNode record = JSON.createObjectNode().put("version", "1.0").put("timestamp", now.toString());
    record.putObject("requestContext")
        .put("requestId", event.requestId())
        .put("functionArn", functionArn)
        .put("condition", condition.name())
        .put("approximateInvokeCount", event.attempts());
    record.set("requestPayload", json(event.payload()));
    QueuedEvent.Attempt last = event.lastAttempt();
    if (last != null) {
      ObjectNode response = record.putObject("responseContext")
          .put("statusCode", 200)
          .put("executedVersion", last.version());
      if (last.functionError() != null) {
        response.put("functionError", last.functionError());
      }
      record.set("responsePayload", json(last.response()));
    }
    return record;
  }

  /** A payload as JSON where it is JSON, else as a string, so that the record stays one JSON document. */
  private static JsonNode json(byte[] payload) {
    try {
      JsonNode json = JSON.readTree(payload);
      return json.isMissingNode() ? JSON.getNodeFactory().nullNode() : json;
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(new String(payload, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory cannot fail", e);
    }
  }
}
