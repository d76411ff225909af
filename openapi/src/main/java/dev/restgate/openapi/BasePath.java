package dev.restgate.openapi;

import java.util.Locale;
import java.util.Map;

/**
 * The document's base path and the import's {@code basepath} mode: {@code ignore} (the default) drops it,
 * {@code prepend} puts all of it before every path, {@code split} puts all but its first segment (meant to be the
 * stage name) before every path.
 */
final class BasePath {
  private final String prefix;

  private BasePath(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix for {@code mode}; an unknown mode is reported and read as {@code ignore}. */
  static BasePath of(String mode, Located root, SpecVersion version, FieldReader reader) {
    String chosen = mode == null || mode.isBlank() ? "ignore" : mode.toLowerCase(Locale.ROOT);
    String basePath = switch (chosen) {
      case "ignore" -> "";
      case "prepend" -> declared(root, version, reader);
      case "split" -> withoutFirstSegment(declared(root, version, reader));
      default -> null;
    };
    if (basePath == null) {
      reader.problems().error("", "basepath must be ignore, prepend or split, not '" + mode + "'");
      return new BasePath("");
    }
    return new BasePath(basePath);
  }

  /** The resource path for a path of the document. */
  String apply(String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.equals("/") ? prefix : prefix + path;
  }

  /**
   * Swagger 2.0: {@code basePath}. OpenAPI 3.0: the default of the first server's {@code basePath} variable, else
   * the path of the first server's URL (its variables replaced by their defaults). Normalised to {@code /a/b}, or
   * "" for none.
   */
  private static String declared(Located root, SpecVersion version, FieldReader reader) {
    if (version == SpecVersion.SWAGGER_2) {
      return normalise(reader.text(root.get("basePath")));
    }
    Located server = root.get("servers").get(0);
    Located variables = server.get("variables");
    String variable = reader.scalar(variables.get("basePath").get("default"));
    if (variable != null) {
      return normalise(variable);
    }
    String url = reader.text(server.get("url"));
    if (url == null) {
      return "";
    }
    for (Map.Entry<String, Located> entry : variables.fields()) {
      String value = reader.scalar(entry.getValue().get("default"));
      url = url.replace("{" + entry.getKey() + "}", value == null ? "" : value);
    }
    return normalise(pathOf(url));
  }

  private static String pathOf(String url) {
    String rest = url;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      int slash = rest.indexOf('/', scheme + 3);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    int end = rest.length();
    for (char c : new char[] {'?', '#'}) {
      int at = rest.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return rest.substring(0, end);
  }

  private static String normalise(String path) {
    if (path == null) {
      return "";
    }
    String trimmed = path.strip().replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return "";
    }
    return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }

  private static String withoutFirstSegment(String basePath) {
    int second = basePath.indexOf('/', 1);
    return second < 0 ? "" : basePath.substring(second);
  }
}
