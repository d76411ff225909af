package dev.restgate.controlplane;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code controlPlane}: {@code enabled} (default true), {@code pathPrefix} (default none) and {@code port}
 * (default every port).
 */
public final class ControlPlaneSection implements ConfigSection<ControlPlaneConfig> {
  private static final List<String> KEYS = List.of("enabled", "pathPrefix", "port");
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  @Override
  public List<String> keys() {
    return List.of("controlPlane");
  }

  @Override
  public Class<ControlPlaneConfig> type() {
    return ControlPlaneConfig.class;
  }

  @Override
  public ControlPlaneConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("controlPlane");
    if (!node.isObjectWith(KEYS)) {
      return ControlPlaneConfig.DEFAULT;
    }
    Boolean enabled = node.field("enabled").bool();
    String prefix = node.field("pathPrefix").string(PREFIX,
        "use a path such as /admin or /ops/apigateway (letters, digits, '.', '_', '~', '-'; no trailing /)");
    Integer port = node.field("port").integer(1, 65535);
    return new ControlPlaneConfig(enabled == null || enabled, prefix == null ? "" : prefix, port == null ? 0 : port);
  }
}
