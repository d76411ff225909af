package dev.restgate.lambda.internal.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader of one local function, shaped like the AWS Java runtime's: the function's own code wins
 * (child-first), except for the runtime interfaces of {@code aws-lambda-java-core}, which come from the gateway so the
 * gateway can call the handler and hand it a {@code Context}. A copy of those interfaces bundled in the function is
 * ignored, as AWS ignores it. Events ({@code ...runtime.events}) and serialization classes are the function's own.
 */
final class FunctionClassLoader extends URLClassLoader {
  private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
  private static final String LOGGING_PACKAGE = RUNTIME_PACKAGE + "logging.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

  // Unnamed, like the AWS runtime's loader: a name would show in every stack frame the function reports.
  private FunctionClassLoader(URL[] urls, ClassLoader gateway) {
    super(urls, gateway);
  }

  /**
   * A loader for {@code codeUri}: a jar (or zip) with the classes at its root, or a directory of classes with
   * optional {@code lib/*.jar}, the layout of an AWS deployment package.
   */
  static FunctionClassLoader create(Path codeUri, ClassLoader gateway) {
    List<URL> urls = new ArrayList<>();
    urls.add(url(codeUri));
    Path lib = codeUri.resolve("lib");
    if (Files.isDirectory(codeUri) && Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new FunctionClassLoader(urls.toArray(new URL[0]), gateway);
  }

  /** Whether the gateway's copy of {@code className} is used: the classes of {@code aws-lambda-java-core}. */
  static boolean sharedWithGateway(String className) {
    if (className.startsWith(LOGGING_PACKAGE)) {
      return className.indexOf('.', LOGGING_PACKAGE.length()) < 0;
    }
    return className.startsWith(RUNTIME_PACKAGE) && className.indexOf('.', RUNTIME_PACKAGE.length()) < 0;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = sharedWithGateway(name) ? getParent().loadClass(name) : loadChildFirst(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = Collections.list(findResources(name));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }

  private Class<?> loadChildFirst(String name) throws ClassNotFoundException {
    try {
      return platform.loadClass(name);
    } catch (ClassNotFoundException notPlatform) {
      try {
        return findClass(name);
      } catch (ClassNotFoundException notOwn) {
        return getParent().loadClass(name);
      }
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }
}
