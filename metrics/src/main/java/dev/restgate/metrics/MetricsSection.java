package dev.restgate.metrics;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code metrics}: {@code bearerToken} (required, 16 to 512 printable ASCII characters without spaces; use
 * {@code ${env:NAME}} to keep it out of the file) and {@code port} (default every port). Absent, metrics are off.
 * The token is never echoed in a problem.
 */
public final class MetricsSection implements ConfigSection<MetricsConfig> {
  private static final List<String> KEYS = List.of("bearerToken", "port");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{16,512}");

  @Override
  public List<String> keys() {
    return List.of("metrics");
  }

  @Override
  public Class<MetricsConfig> type() {
    return MetricsConfig.class;
  }

  @Override
  public MetricsConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("metrics");
    if (!node.isObjectWith(KEYS)) {
      return null;
    }
    ConfigNode tokenNode = node.field("bearerToken").required();
    String token = tokenNode.string();
    if (token != null && !TOKEN.matcher(token).matches()) {
      tokenNode.problem("is not valid: use 16 to 512 printable ASCII characters without spaces, such as the output "
          + "of openssl rand -hex 32");
      token = null;
    }
    Integer port = node.field("port").integer(1, 65535);
    return token == null ? null : new MetricsConfig(token, port == null ? 0 : port);
  }
}
