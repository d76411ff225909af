package dev.restgate.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The embedded server's jars, stored in the WAR under {@link #FOLDER} where servlet containers never look, copied to
 * a work directory and opened in a class loader of their own.
 */
final class BundledLibraries {
  static final String FOLDER = "WEB-INF/launcher/lib/";

  private BundledLibraries() {}

  static URLClassLoader extract(Path war, Path target) throws IOException {
    Files.createDirectories(target);
    List<URL> jars = new ArrayList<>();
    try (ZipFile archive = new ZipFile(war.toFile())) {
      Enumeration<? extends ZipEntry> entries = archive.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(FOLDER) && name.endsWith(".jar") && name.indexOf('/', FOLDER.length()) < 0) {
          Path jar = target.resolve(name.substring(FOLDER.length()));
          try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, jar);
          }
          jars.add(url(jar));
        }
      }
    }
    if (jars.isEmpty()) {
      throw new IOException(war + " has no " + FOLDER + ": not a Restgate WAR built for standalone use");
    }
    // The parent is this class's loader, so the server sees LaunchOptions as the same class.
    return new URLClassLoader("restgate-launcher", jars.toArray(URL[]::new), BundledLibraries.class.getClassLoader());
  }

  private static URL url(Path jar) throws MalformedURLException {
    return jar.toUri().toURL();
  }
}
