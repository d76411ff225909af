package dev.restgate.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary directory one standalone run works in: the embedded server's jars and the unpacked web app. */
public final class WorkDirectory {
  private WorkDirectory() {}

  /**
   * Creates a new, empty work directory under {@code java.io.tmpdir}.
   *
   * @throws IOException when the directory cannot be created
   */
  public static Path create() throws IOException {
    return Files.createTempDirectory("restgate-");
  }

  /**
   * Deletes a work directory and everything in it; what cannot be deleted is left in place.
   *
   * @param directory the directory, which may already be gone
   */
  public static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Left-overs in the temporary directory are harmless; the run itself went fine.
    }
  }
}
