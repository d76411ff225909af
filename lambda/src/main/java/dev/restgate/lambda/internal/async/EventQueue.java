package dev.restgate.lambda.internal.async;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The durable queue of one function: a directory with one JSON file per event, named by arrival time and request
 * id. A file is written whole to a temporary name, forced to disk and then moved into place, so a reader (or a
 * restart after a crash) sees either the previous or the next state of an event, never half of one. Thread-safe: each
 * event is written by the one delivery that holds it.
 */
final class EventQueue {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUFFIX = ".json";

  private final String function;
  private final Path directory;

  EventQueue(String function, Path directory) {
    this.function = function;
    this.directory = directory;
  }

  String function() {
    return function;
  }

  /** Writes a new event and returns its file. */
  Path add(QueuedEvent event) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(event.receivedAt().toEpochMilli() + "-" + event.requestId() + SUFFIX);
    write(file, event);
    return file;
  }

  /** Replaces an event's file with its new state. */
  void write(Path file, QueuedEvent event) throws IOException {
    ObjectNode json = JSON.createObjectNode()
        .put("requestId", event.requestId())
        .put("qualifier", event.qualifier())
        .put("receivedAt", event.receivedAt().toEpochMilli())
        .put("attempts", event.attempts())
        .put("notBefore", event.notBefore().toEpochMilli())
        .put("payload", event.payload());
    QueuedEvent.Attempt last = event.lastAttempt();
    if (last != null) {
      json.putObject("lastAttempt")
          .put("version", last.version())
          .put("functionError", last.functionError())
          .put("response", last.response());
    }
    Path temporary = directory.resolve("." + file.getFileName() + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(json));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** @throws java.nio.file.NoSuchFileException when the event is gone (delivered by another configuration) */
  QueuedEvent read(Path file) throws IOException {
    JsonNode json = JSON.readTree(file.toFile());
    JsonNode last = json.path("lastAttempt");
    QueuedEvent.Attempt attempt = last.isObject()
        ? new QueuedEvent.Attempt(text(last, "version"), text(last, "functionError"),
            last.path("response").binaryValue())
        : null;
    return new QueuedEvent(json.path("requestId").asText(), text(json, "qualifier"),
        json.path("payload").binaryValue(), Instant.ofEpochMilli(json.path("receivedAt").asLong()),
        json.path("attempts").asInt(), Instant.ofEpochMilli(json.path("notBefore").asLong()), attempt);
  }

  private static String text(JsonNode json, String field) {
    return json.hasNonNull(field) ? json.get(field).asText() : null;
  }

  void remove(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  /** The events in the queue, oldest first; temporary files of interrupted writes are not events. */
  List<Path> events() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.startsWith(".");
      }).sorted().toList();
    }
  }
}
