package dev.restgate.examples.hostrouting;

import java.util.List;

/** The {@code hostRoutes} section of {@code gateway.yaml}. */
public record HostRoutes(List<HostRoute> routes) {
  public HostRoutes {
    routes = List.copyOf(routes);
  }
}
