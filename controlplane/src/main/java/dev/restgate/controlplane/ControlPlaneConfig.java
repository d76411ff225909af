package dev.restgate.controlplane;

/**
 * Where the management API is served: the {@code controlPlane} section of {@code gateway.yaml}.
 *
 * @param enabled false to serve no management API at all
 * @param pathPrefix a path the management paths are served below ({@code /admin} serves {@code /admin/restapis}),
 *     or empty to serve them at the root, as AWS's endpoint does
 */
public record ControlPlaneConfig(boolean enabled, String pathPrefix) {
  static final ControlPlaneConfig DEFAULT = new ControlPlaneConfig(true, "");
}
