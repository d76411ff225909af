package dev.restgate.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The functions the tests load, built once per test run from {@code src/test/fixtures} (see its README) and the
 * example function's jar, which the build copies next to them.
 */
final class Fixtures {
  private static Fixtures built;

  /** A classes directory with {@code lib/fixturelib.jar}: the layout of an unzipped deployment package. */
  final Path classesDirectory;
  /** The fixture classes in one jar, which also bundles its own aws-lambda-java-core and jackson-annotations. */
  final Path bundlingJar;
  /** The fixture classes again, registering {@code fixture.ReversingSerializer} as their custom serializer. */
  final Path serializingDirectory;
  /** The example function, as deployed to AWS. */
  final Path helloJar;

  private Fixtures(Path classesDirectory, Path bundlingJar, Path serializingDirectory, Path helloJar) {
    this.classesDirectory = classesDirectory;
    this.bundlingJar = bundlingJar;
    this.serializingDirectory = serializingDirectory;
    this.helloJar = helloJar;
  }

  /** Functions of other runtimes, one directory each, used as they are: {@code python}, {@code shell}. */
  static Path runtimes() {
    return Path.of(System.getProperty("restgate.test.runtimes"));
  }

  static synchronized Fixtures get() {
    if (built == null) {
      try {
        built = build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return built;
  }

  private static Fixtures build() throws IOException {
    Path sources = Path.of(System.getProperty("restgate.test.fixtureSources"));
    Path output = Path.of(System.getProperty("restgate.test.fixtureOutput"));
    Path helloJar = Path.of(System.getProperty("restgate.test.helloFunctionJar"));
    if (!Files.isRegularFile(helloJar)) {
      throw new IllegalStateException(helloJar + " is missing: run the build with `verify` so the example function "
          + "is packaged and copied");
    }
    deleteRecursively(output);
    Path compiled = output.resolve("compiled");
    compile(sources, compiled);

    Path classes = output.resolve("classes");
    copyTree(compiled.resolve("fixture"), classes.resolve("fixture"));
    Files.createDirectories(classes.resolve("lib"));
    try (JarOutputStream lib = new JarOutputStream(Files.newOutputStream(classes.resolve("lib/fixturelib.jar")))) {
      addTree(lib, compiled, compiled.resolve("fixturelib"));
    }

    Path jar = output.resolve("bundling.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      addTree(out, compiled, compiled);
      Set<String> written = new HashSet<>();
      addJar(out, jarOf(Context.class), written);
      addJar(out, jarOf(JsonProperty.class), written);
    }
    Path serializing = output.resolve("serializing");
    copyTree(classes, serializing);
    Path services = Files.createDirectories(serializing.resolve("META-INF/services"));
    Files.writeString(services.resolve(CustomPojoSerializer.class.getName()), "fixture.ReversingSerializer\n");
    return new Fixtures(classes, jar, serializing, helloJar);
  }

  private static void compile(Path sources, Path into) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("-d", into.toString(), "-cp", jarOf(Context.class).toString(),
        "--release", "17", "-proc:none", "-nowarn"));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, arguments.toArray(new String[0]));
    if (status != 0) {
      throw new IllegalStateException("the fixture functions do not compile (javac exit " + status + ")");
    }
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void addTree(JarOutputStream out, Path root, Path tree) throws IOException {
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  private static void addJar(JarOutputStream out, Path jar, Set<String> written) throws IOException {
    try (JarFile in = new JarFile(jar.toFile())) {
      for (JarEntry entry : in.stream().toList()) {
        String name = entry.getName();
        if (entry.isDirectory() || name.startsWith("META-INF/") || !written.add(name)) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        try (InputStream bytes = in.getInputStream(entry)) {
          bytes.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
