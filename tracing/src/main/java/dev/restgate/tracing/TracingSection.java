package dev.restgate.tracing;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code tracing}: {@code endpoint} (required: the collector's OTLP/HTTP base URL, {@code /v1/traces} added
 * unless the path already ends with it, as OpenTelemetry's {@code OTEL_EXPORTER_OTLP_ENDPOINT} is read),
 * {@code serviceName} (default {@code restgate}), {@code sampleRatio} (0 to 1, default 1) and {@code headers}
 * (default none). Absent, tracing is off. Header values are never echoed in a problem.
 */
public final class TracingSection implements ConfigSection<TracingConfig> {
  static final String TRACES_PATH = "/v1/traces";
  private static final List<String> KEYS = List.of("endpoint", "serviceName", "sampleRatio", "headers");
  /** An HTTP token (RFC 9110), the rule for header names. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern SERVICE_NAME = Pattern.compile("\\S(.{0,254}\\S)?");

  @Override
  public List<String> keys() {
    return List.of("tracing");
  }

  @Override
  public Class<TracingConfig> type() {
    return TracingConfig.class;
  }

  @Override
  public TracingConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("tracing");
    if (!node.isObjectWith(KEYS)) {
      return null;
    }
    int problemsBefore = node.problemCount();
    URI endpoint = endpoint(node.field("endpoint").required());
    String serviceName = node.field("serviceName").string(SERVICE_NAME,
        "use 1 to 256 characters that neither start nor end with white space, such as restgate");
    Double ratio = node.field("sampleRatio").number(0, 1);
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> header : node.field("headers").entries().entrySet()) {
      if (!HEADER_NAME.matcher(header.getKey()).matches()) {
        header.getValue().problem("is not a valid header name: use letters, digits and - such as x-api-key");
        continue;
      }
      String value = header.getValue().string();
      if (value == null) {
        continue;
      }
      if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
        header.getValue().problem("has control characters; a header value is one line of text");
      } else {
        headers.put(header.getKey(), value);
      }
    }
    if (endpoint == null || node.problemCount() > problemsBefore) {
      return null;
    }
    return new TracingConfig(endpoint, serviceName == null ? "restgate" : serviceName,
        ratio == null ? 1.0 : ratio, headers);
  }

  private static URI endpoint(ConfigNode node) {
    String text = node.string();
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      node.problem("is not valid: use the http or https URL of an OTLP/HTTP receiver, such as "
          + "http://collector:4318");
      return null;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.endsWith(TRACES_PATH)) {
      return uri;
    }
    String base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    return URI.create(base + TRACES_PATH);
  }
}
