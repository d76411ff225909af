package dev.restgate.sdkgen;

import dev.restgate.spi.ClientSdks.Property;
import dev.restgate.spi.ClientSdks.SdkType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SDK types this gateway generates, with AWS's parameter names where AWS has the type, and how each maps onto
 * an OpenAPI Generator generator and its options. Parameters are checked here, before any generation, so that a
 * caller learns about a wrong one at once and by its AWS name.
 */
final class SdkCatalog {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern JAVA_PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String DEFAULT_VERSION = "1.0.0";

  private static final List<Kind> KINDS = List.of(
      new Kind(new SdkType("java", "Java SDK", "Java client (OpenAPI Generator java, okhttp-gson), built with Maven",
          List.of(
              property("serviceName", "Service Name", "the API class: {serviceName}Api", true, null),
              property("javaPackageName", "Java Package Name",
                  "the package of the client (models in .model, API classes in .api)", true, null),
              property("javaArtifactId", "Java Artifact Id", "the Maven artifactId (default: the service name in "
                  + "lower case)", false, null),
              property("javaGroupId", "Java Group Id", "the Maven groupId (default: the package name)", false, null),
              property("javaArtifactVersion", "Java Artifact Version", "the Maven version", false,
                  DEFAULT_VERSION))),
          Map.of("serviceName", IDENTIFIER, "javaPackageName", JAVA_PACKAGE, "javaArtifactId", ARTIFACT,
              "javaGroupId", JAVA_PACKAGE, "javaArtifactVersion", ARTIFACT),
          p -> java(p.get("serviceName"), p.get("javaPackageName"),
              p.getOrDefault("javaGroupId", p.get("javaPackageName")),
              p.getOrDefault("javaArtifactId", p.get("serviceName").toLowerCase(Locale.ROOT)),
              p.get("javaArtifactVersion"))),
      new Kind(new SdkType("android", "Android SDK", "Java client for Android (OpenAPI Generator java, okhttp-gson)",
          List.of(
              property("groupId", "GroupId", "the Maven groupId", true, null),
              property("artifactId", "ArtifactId", "the Maven artifactId", true, null),
              property("artifactVersion", "ArtifactVersion", "the Maven version", true, null),
              property("invokerPackage", "Invoker package", "the package of the client (models in .model, API "
                  + "classes in .api)", true, null))),
          Map.of("groupId", JAVA_PACKAGE, "artifactId", ARTIFACT, "artifactVersion", ARTIFACT,
              "invokerPackage", JAVA_PACKAGE),
          p -> java(null, p.get("invokerPackage"), p.get("groupId"), p.get("artifactId"), p.get("artifactVersion"))),
      new Kind(new SdkType("javascript", "JavaScript", "JavaScript client for Node and browsers (OpenAPI Generator "
          + "javascript: ES6 sources built to ES5 with Babel, promises)", List.of()),
          Map.of(),
          p -> new Options("javascript", null, null,
              Map.of("projectName", "api-client", "projectVersion", DEFAULT_VERSION, "usePromises", true))),
      new Kind(new SdkType("typescript", "TypeScript", "TypeScript client on fetch (OpenAPI Generator "
          + "typescript-fetch)", List.of(
              property("npmName", "npm package name", "the package's name", false, "api-client"),
              property("npmVersion", "npm package version", "the package's version", false, DEFAULT_VERSION))),
          Map.of("npmName", Pattern.compile("(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*"),
              "npmVersion", ARTIFACT),
          p -> new Options("typescript-fetch", null, null,
              Map.of("npmName", p.get("npmName"), "npmVersion", p.get("npmVersion"), "supportsES6", true))),
      new Kind(new SdkType("python", "Python", "Python client (OpenAPI Generator python)", List.of(
              property("packageName", "Package name", "the Python package", false, "api_client"),
              property("packageVersion", "Package version", "the package's version", false, DEFAULT_VERSION))),
          Map.of("packageName", SNAKE, "packageVersion", ARTIFACT),
          p -> new Options("python", null, null, Map.of("packageName", p.get("packageName"),
              "projectName", p.get("packageName").replace('_', '-'), "packageVersion", p.get("packageVersion")))),
      new Kind(new SdkType("ruby", "Ruby", "Ruby gem (OpenAPI Generator ruby)", List.of(
              property("service.name", "Service Name", "the gem's module", true, null),
              property("ruby.gem-name", "Ruby Gem Name", "the gem's name (default: the service name in snake "
                  + "case)", false, null),
              property("ruby.gem-version", "Ruby Gem Version", "the gem's version", false, DEFAULT_VERSION))),
          Map.of("service.name", IDENTIFIER, "ruby.gem-name", SNAKE, "ruby.gem-version", ARTIFACT),
          p -> new Options("ruby", null, null, Map.of("moduleName", p.get("service.name"),
              "gemName", p.getOrDefault("ruby.gem-name", snakeCase(p.get("service.name"))),
              "gemVersion", p.get("ruby.gem-version")))));

  private SdkCatalog() {}

  /** Every type, in the order {@code GetSdkTypes} lists them. */
  static List<SdkType> types() {
    List<SdkType> types = new ArrayList<>();
    KINDS.forEach(kind -> types.add(kind.type()));
    return types;
  }

  /**
   * What to run for {@code sdkType} with the caller's {@code parameters}: the generator and its options.
   *
   * @throws IllegalArgumentException naming the unknown type, the unknown or missing parameters, or the malformed
   *     value, in words meant for the caller
   */
  static Options options(String sdkType, Map<String, String> parameters) {
    Kind kind = KINDS.stream().filter(k -> k.type().id().equals(sdkType)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Invalid SDK type specified: " + sdkType + " (this gateway "
            + "generates " + String.join(", ", types().stream().map(SdkType::id).toList()) + ")"));
    return kind.options().apply(kind.check(parameters));
  }

  private static Options java(String serviceName, String packageName, String groupId, String artifactId,
      String version) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("invokerPackage", packageName);
    properties.put("apiPackage", packageName + ".api");
    properties.put("modelPackage", packageName + ".model");
    properties.put("groupId", groupId);
    properties.put("artifactId", artifactId);
    properties.put("artifactVersion", version);
    return new Options("java", "okhttp-gson", serviceName, properties);
  }

  private static String snakeCase(String identifier) {
    return identifier.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static Property property(String name, String friendlyName, String description, boolean required,
      String defaultValue) {
    return new Property(name, friendlyName, description, required, defaultValue);
  }

  /**
   * An OpenAPI Generator run.
   *
   * @param library the generator's library, or null for its default
   * @param tag the tag every operation is given, which names the API class, or null to keep the generator's
   *     {@code Default}
   * @param properties the generator's additional properties
   */
  record Options(String generator, String library, String tag, Map<String, Object> properties) {}

  /** One type: what {@code GetSdkTypes} shows, the form of each parameter, and the generator options it makes. */
  private record Kind(SdkType type, Map<String, Pattern> forms, Function<Map<String, String>, Options> options) {

    /** The parameters with the defaults filled in. */
    Map<String, String> check(Map<String, String> parameters) {
      List<String> unknown = parameters.keySet().stream().filter(name -> !forms.containsKey(name)).sorted().toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("Invalid parameters for SDK type " + type.id() + ": "
            + String.join(", ", unknown) + " (" + (forms.isEmpty() ? "it takes none" : "it takes "
            + String.join(", ", type.configurationProperties().stream().map(Property::name).toList())) + ")");
      }
      Map<String, String> values = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (Property property : type.configurationProperties()) {
        String value = Optional.ofNullable(parameters.get(property.name())).filter(v -> !v.isBlank())
            .orElse(property.defaultValue());
        if (value == null) {
          if (property.required()) {
            missing.add(property.name());
          }
          continue;
        }
        if (!forms.get(property.name()).matcher(value).matches()) {
          throw new IllegalArgumentException("Invalid value for parameter " + property.name() + " of SDK type "
              + type.id() + ": '" + value + "' is not a valid " + property.friendlyName());
        }
        values.put(property.name(), value);
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("Missing required parameters for SDK type " + type.id() + ": "
            + String.join(", ", missing));
      }
      return values;
    }
  }
}
