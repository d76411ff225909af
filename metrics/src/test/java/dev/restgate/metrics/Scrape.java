package dev.restgate.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** A scrape in Prometheus's text format, as series ({@code name{labels}}) and their values. */
record Scrape(String text, Map<String, Double> series) {

  static Scrape parse(String text) {
    Map<String, Double> series = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return new Scrape(text, series);
  }

  /** The value of one series, or null when the scrape has none. */
  Double value(String name, String labels) {
    return series.get(name + "{" + labels + "}");
  }

  /** Whether some series of the metric {@code name} exists. */
  boolean hasMetric(String name) {
    for (String key : series.keySet()) {
      int brace = key.indexOf('{');
      if ((brace < 0 ? key : key.substring(0, brace)).equals(name)) {
        return true;
      }
    }
    return false;
  }
}
