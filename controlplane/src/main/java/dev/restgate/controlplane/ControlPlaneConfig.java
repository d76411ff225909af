package dev.restgate.controlplane;

/**
 * Where the management API is served: the {@code controlPlane} section of {@code gateway.yaml}.
 *
 * @param enabled false to serve no management API at all
 * @param pathPrefix a path the management paths are served below ({@code /admin} serves {@code /admin/restapis}),
 *     or empty to serve them at the root, as AWS's endpoint does
 * @param port the local port the management API answers on, so it can be kept off the public listener (the
 *     standalone server's {@code --management-port}, or a connector of the servlet container); 0 for every port
 */
public record ControlPlaneConfig(boolean enabled, String pathPrefix, int port) {
  static final ControlPlaneConfig DEFAULT = new ControlPlaneConfig(true, "", 0);
}
