package dev.restgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Loads the declarative configuration ({@code gateway.yaml}, or JSON: the content decides) into a
 * {@link GatewayConfig}: parses it, substitutes <code>${env:NAME}</code> references, checks every value and
 * reference, and imports every API body with an {@link ApiImporter}. The format is described in
 * {@code docs/configuration.md}.
 *
 * <p>Loading is all or nothing: either the whole configuration is returned, or a {@link ProblemsException} lists
 * every problem found (each with its file and JSON pointer), the importer's problems with the API bodies included.
 * Instances are immutable and may load several files concurrently.
 */
public final class ConfigLoader {
  private final ApiImporter importer;
  private final List<ConfigSection<?>> sections;
  private final List<String> keys;
  private final EnvSubstitution substitution;

  /**
   * A loader with the given importer, sections and environment.
   *
   * @param importer imports every API body; null when none is available (a configuration with APIs then fails)
   * @param sections the modules' sections, read after core's keys in this order
   * @param environment the value of an environment variable by name, null when unset ({@code System::getenv})
   * @throws IllegalStateException when two sections claim one key
   */
  public ConfigLoader(ApiImporter importer, List<ConfigSection<?>> sections, Function<String, String> environment) {
    this.importer = importer;
    this.sections = List.copyOf(sections);
    this.keys = GatewayConfigReader.keys(this.sections);
    this.substitution = new EnvSubstitution(environment);
  }

  /**
   * A loader with the first {@link ApiImporter} and every {@link ConfigSection} that {@link ServiceLoader} finds
   * through {@code loader}, and the process environment.
   */
  public static ConfigLoader standard(ClassLoader loader) {
    return new ConfigLoader(ServiceLoader.load(ApiImporter.class, loader).findFirst().orElse(null),
        sections(loader), System::getenv);
  }

  /** The sections on the class path of {@code loader}, in a stable order (by their first key). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static List<ConfigSection<?>> sections(ClassLoader loader) {
    List<ConfigSection<?>> found = new ArrayList<>();
    for (ConfigSection section : ServiceLoader.load(ConfigSection.class, loader)) {
      found.add(section);
    }
    found.sort(Comparator.comparing(section -> section.keys().get(0)));
    return found;
  }

  /**
   * Loads {@code file}; relative paths in it are resolved against its directory.
   *
   * @return the configuration, with {@link GatewayConfig#source()} = {@code file}
   * @throws ProblemsException listing every problem when the file cannot be read or anything in it is invalid
   */
  public GatewayConfig load(Path file) throws ProblemsException {
    return load(file, null);
  }

  /**
   * Loads {@code file} with the objects created at run time through the control plane: each list of
   * {@code managed} (an object with the file's top-level keys, such as {@code apiKeys}) is appended to the file's
   * list of that key before the configuration is read, so both are checked and served together. Environment
   * variables are substituted in the file only.
   *
   * @param managed the objects created at run time, or null for none
   * @throws ProblemsException listing every problem of the file and of the objects
   */
  public GatewayConfig load(Path file, JsonNode managed) throws ProblemsException {
    Problems problems = new Problems(file.toString());
    GatewayConfig config = read(file, managed, problems);
    if (problems.count() > 0) {
      throw new ProblemsException("The configuration " + file + " has " + problems.count()
          + (problems.count() == 1 ? " problem:" : " problems:"), problems.list());
    }
    return config;
  }

  /**
   * Only the {@code store} section of {@code file}: where the objects created at run time are kept, needed before
   * they can be read and loaded with the file.
   *
   * @throws ProblemsException when the file cannot be read or its {@code store} section has problems
   */
  public StoreConfig store(Path file) throws ProblemsException {
    Problems problems = new Problems(file.toString());
    StoreConfig store = null;
    JsonNode tree = parse(file, problems);
    if (tree != null) {
      store = new StoreSection().read(ConfigNode.root(tree, problems), null);
    }
    if (problems.count() > 0) {
      throw new ProblemsException("The store of the configuration " + file + " has problems:", problems.list());
    }
    return store;
  }

  private JsonNode parse(Path file, Problems problems) {
    byte[] document;
    try {
      document = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add("", "cannot be read (" + e + "); check the path and its permissions");
      return null;
    }
    JsonNode tree = ConfigParser.parse(document, problems);
    if (tree != null) {
      substitution.apply(tree, "", problems);
    }
    return tree;
  }

  private GatewayConfig read(Path file, JsonNode managed, Problems problems) {
    JsonNode tree = parse(file, problems);
    if (tree == null) {
      return null;
    }
    if (managed != null) {
      merge(tree, managed, problems);
    }
    return GatewayConfigReader.read(ConfigNode.root(tree, problems), file, importer, keys, sections, problems);
  }

  /** Appends each list of {@code managed} to the file's list under the same key. */
  private static void merge(JsonNode tree, JsonNode managed, Problems problems) {
    if (!(tree instanceof ObjectNode root)) {
      return;
    }
    managed.fields().forEachRemaining(field -> {
      JsonNode declared = root.get(field.getKey());
      if (declared == null || declared.isNull()) {
        root.set(field.getKey(), field.getValue().deepCopy());
      } else if (declared instanceof ArrayNode list && field.getValue().isArray()) {
        field.getValue().forEach(item -> list.add(item.deepCopy()));
      } else {
        problems.add("/" + ConfigNode.escape(field.getKey()), "must be a list, since objects created through the "
            + "control plane are added to it");
      }
    });
  }
}
