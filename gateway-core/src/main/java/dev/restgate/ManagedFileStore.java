package dev.restgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.spi.Ids;
import dev.restgate.spi.ManagedConfiguration.Snapshot;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;

/**
 * The objects created at run time in a JSON file, written whole beside it and then moved into place, so a crash
 * never leaves half a file. The revision is derived from the file's content; a missing file is the empty revision.
 */
final class ManagedFileStore implements ManagedStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMPTY = "empty";

  private final Path file;

  ManagedFileStore(Path file) {
    this.file = file;
  }

  @Override
  public synchronized Snapshot read() throws ProblemsException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Snapshot(JSON.createObjectNode(), EMPTY);
    } catch (IOException e) {
      throw problem(file, "cannot be read (" + e.getMessage() + ")");
    }
    return new Snapshot(parse(bytes, file), revision(bytes));
  }

  @Override
  public synchronized String write(String base, ObjectNode next) {
    String current;
    try {
      current = read().revision();
    } catch (ProblemsException e) {
      current = null;
    }
    if (current != null && !current.equals(base)) {
      throw new ConcurrentModificationException("the objects in " + file + " changed since they were read");
    }
    byte[] bytes;
    try {
      bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(next);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(file, bytes);
    return revision(bytes);
  }

  @Override
  public String revision() {
    return null;
  }

  /** A file in the data directory is there as long as the gateway runs. */
  @Override
  public Optional<String> problem() {
    return Optional.empty();
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public void close() {}

  /** Writes {@code bytes} whole beside {@code file}, then moves them into place. */
  static void write(Path file, byte[] bytes) {
    Path written = null;
    try {
      Files.createDirectories(file.getParent());
      written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.write(written, bytes);
      Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("the objects created at run time could not be stored in " + file, e);
    } finally {
      if (written != null) {
        try {
          Files.deleteIfExists(written);
        } catch (IOException e) {
          // A leftover temporary file is harmless; the next write makes another.
        }
      }
    }
  }

  /** The objects in {@code bytes}, which must be a JSON object. */
  static ObjectNode parse(byte[] bytes, Object source) throws ProblemsException {
    try {
      JsonNode tree = JSON.readTree(bytes);
      if (tree instanceof ObjectNode object) {
        return object;
      }
      throw problem(source, "is not a JSON object");
    } catch (IOException e) {
      throw problem(source, "cannot be read (" + e.getMessage() + ")");
    }
  }

  private static String revision(byte[] bytes) {
    return Ids.derive(16, "managed", new String(bytes, StandardCharsets.UTF_8));
  }

  static ProblemsException problem(Object source, String message) {
    return new ProblemsException("The objects created at run time cannot be loaded",
        List.of(new Problem(source.toString(), "", message)));
  }
}
