package dev.restgate.launcher.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The bundled example, served when no configuration is given: its files (gateway.yaml, openapi.yaml and the Java
 * function's jar) written to {@code DATA/example} so users can copy and edit them, and the pet store backend its
 * HTTP_PROXY routes call, whose URL goes into the stage variable {@code backend}.
 */
final class ExampleApi implements AutoCloseable {
  static final String API_ID = "exampleapi";
  static final String STAGE = "prod";
  static final String DIRECTORY = "example";
  /** Where the WAR holds the example function's jar (the launcher's war-overlay puts it there). */
  static final String FUNCTION_JAR_ENTRY = "WEB-INF/launcher/example/hello-function.jar";
  private static final String RESOURCES = "example/";
  private static final String BACKEND_PLACEHOLDER = "@BACKEND_URL@";

  private final Path configFile;
  private final PetStoreBackend backend;

  private ExampleApi(Path configFile, PetStoreBackend backend) {
    this.configFile = configFile;
    this.backend = backend;
  }

  /**
   * Starts the backend and writes the example's files, replacing those of an earlier run.
   *
   * @param war the WAR, which holds the function's jar at {@link #FUNCTION_JAR_ENTRY}
   */
  static ExampleApi start(Path dataDir, Path war) throws IOException {
    PetStoreBackend backend = PetStoreBackend.start();
    try {
      Path directory = Files.createDirectories(dataDir.resolve(DIRECTORY));
      String gatewayYaml = new String(read("gateway.yaml"), StandardCharsets.UTF_8)
          .replace(BACKEND_PLACEHOLDER, backend.uri().toString());
      Files.writeString(directory.resolve("gateway.yaml"), gatewayYaml);
      Files.write(directory.resolve("openapi.yaml"), read("openapi.yaml"));
      copyFunctionJar(war, directory.resolve("hello-function.jar"));
      return new ExampleApi(directory.resolve("gateway.yaml"), backend);
    } catch (IOException | UncheckedIOException e) {
      backend.close();
      throw e;
    }
  }

  Path configFile() {
    return configFile;
  }

  @Override
  public void close() {
    backend.close();
  }

  private static void copyFunctionJar(Path war, Path target) throws IOException {
    try (ZipFile archive = new ZipFile(war.toFile())) {
      ZipEntry entry = archive.getEntry(FUNCTION_JAR_ENTRY);
      if (entry == null) {
        throw new IOException(war + " lacks the example function " + FUNCTION_JAR_ENTRY);
      }
      try (InputStream jar = archive.getInputStream(entry)) {
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = ExampleApi.class.getResourceAsStream(RESOURCES + name);
    if (in == null) {
      throw new IOException("the launcher jar lacks its example file " + name);
    }
    return in;
  }
}
