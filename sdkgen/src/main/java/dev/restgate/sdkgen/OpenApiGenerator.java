package dev.restgate.sdkgen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * Runs OpenAPI Generator in this process: the definition is written to a new temporary directory, the project is
 * generated beside it, and the directory is zipped and then deleted whatever happened. Nothing is fetched from the
 * network: the definition's references are all local. The generated tests are left out (they would test nothing
 * but fail to compile against some generators' test dependencies); the docs stay.
 */
final class OpenApiGenerator implements GeneratedSdks.Generation {
  static {
    GeneratorLogs.quiet();
  }

  @Override
  public byte[] generate(String folder, SdkCatalog.Options options, byte[] definition) throws IOException {
    Path work = Files.createTempDirectory("restgate-sdk-");
    try {
      Path spec = Files.write(work.resolve("definition.json"), definition);
      Path out = work.resolve(folder);
      CodegenConfigurator configurator = new CodegenConfigurator()
          .setGeneratorName(options.generator())
          .setInputSpec(spec.toString())
          .setOutputDir(out.toString())
          .setValidateSpec(false)
          .setQuiet(true)
          .setAdditionalProperties(new HashMap<>(options.properties()))
          .addGlobalProperty("apiTests", "false")
          .addGlobalProperty("modelTests", "false");
      if (options.library() != null) {
        configurator.setLibrary(options.library());
      }
      if (options.tag() != null) {
        configurator.addOpenapiNormalizer("SET_TAGS_FOR_ALL_OPERATIONS", options.tag());
      }
      DefaultGenerator generator = new DefaultGenerator();
      generator.setGenerateMetadata(false);
      try {
        generator.opts(configurator.toClientOptInput()).generate();
      } finally {
        // The generator keeps its global properties per thread; the next run on this thread starts clean.
        GlobalSettings.reset();
      }
      return zip(work, out);
    } finally {
      delete(work);
    }
  }

  /** The generated project, its paths starting with its folder's name. */
  private static byte[] zip(Path root, Path project) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(project)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void delete(Path directory) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
