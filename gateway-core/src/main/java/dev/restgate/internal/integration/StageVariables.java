package dev.restgate.internal.integration;

import dev.restgate.spi.RouteMatch;

/** Replaces {@code ${stageVariables.name}} in a string; an unset variable becomes empty. */
final class StageVariables {
  private static final String PREFIX = "${stageVariables.";

  private StageVariables() {}

  static String expand(String text, RouteMatch route) {
    int start = text.indexOf(PREFIX);
    if (start < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int from = 0;
    while (start >= 0) {
      int end = text.indexOf('}', start);
      if (end < 0) {
        break;
      }
      out.append(text, from, start);
      String value = route.stageVariables().get(text.substring(start + PREFIX.length(), end));
      if (value != null) {
        out.append(value);
      }
      from = end + 1;
      start = text.indexOf(PREFIX, from);
    }
    return out.append(text, from, text.length()).toString();
  }
}
