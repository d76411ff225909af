package dev.restgate.metrics;

/**
 * The {@code metrics} section of {@code gateway.yaml}: without it no metrics are kept and {@code /_metrics} does not
 * exist.
 *
 * @param bearerToken what scrapers send as {@code Authorization: Bearer ...}
 * @param port the local port {@code /_metrics} answers on, to keep it off the public listener; 0 for every port
 */
public record MetricsConfig(String bearerToken, int port) {

  @Override
  public String toString() {
    return "MetricsConfig[bearerToken=(hidden), port=" + port + "]";
  }
}
