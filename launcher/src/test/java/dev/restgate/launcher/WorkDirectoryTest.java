package dev.restgate.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkDirectoryTest {
  @Test
  void deleteRemovesTheDirectoryWithEverythingInIt() throws IOException {
    Path work = WorkDirectory.create();
    Files.writeString(Files.createDirectories(work.resolve("lib/deep")).resolve("a.jar"), "jar");

    WorkDirectory.delete(work);

    assertThat(work).doesNotExist();
  }

  @Test
  void deletingADirectoryThatIsGoneDoesNothing() throws IOException {
    Path work = WorkDirectory.create();
    WorkDirectory.delete(work);

    WorkDirectory.delete(work);

    assertThat(work).doesNotExist();
  }
}
