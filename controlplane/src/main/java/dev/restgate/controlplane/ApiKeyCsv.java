package dev.restgate.controlplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AWS's API key file ({@code ImportApiKeys}): comma-separated values with a header row naming the columns in any
 * order and any case; {@code Name} and {@code Key} are required, {@code Description}, {@code Enabled} (default
 * true) and {@code UsagePlanIds} (several ids in one value quoted with {@code "} or {@code '}) are read, other
 * columns are ignored.
 */
final class ApiKeyCsv {

  /** One key of the file; {@code problem} says why the row cannot be imported, else null. */
  record Row(int line, String name, String key, String description, boolean enabled, List<String> usagePlanIds,
      String problem) {}

  private ApiKeyCsv() {}

  /** The rows of {@code text}, or an empty list when it has no header with Name and Key. */
  static List<Row> parse(String text) throws ApiError {
    List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty()) {
      throw ApiError.badRequest("The API key file is empty: its first line names the columns, e.g. Name,Key");
    }
    List<String> header = fields(lines.get(0));
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    if (!columns.containsKey("name") || !columns.containsKey("key")) {
      throw ApiError.badRequest("The API key file must have the columns Name and Key (found: "
          + String.join(",", header) + ")");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> values = fields(lines.get(i));
      String name = value(values, columns.get("name"));
      String key = value(values, columns.get("key"));
      String enabled = value(values, columns.get("enabled"));
      String plans = value(values, columns.get("usageplanids"));
      List<String> planIds = new ArrayList<>();
      for (String plan : plans.split(",")) {
        if (!plan.isBlank()) {
          planIds.add(plan.strip());
        }
      }
      String problem = key.length() < 20 || key.length() > 128 ? "a Key has 20 to 128 characters"
          : name.length() > 1024 ? "a Name has at most 1024 characters"
          : !enabled.isEmpty() && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")
              ? "Enabled is true or false" : null;
      rows.add(new Row(i + 1, name, key, value(values, columns.get("description")),
          !enabled.equalsIgnoreCase("false"), planIds, problem));
    }
    return rows;
  }

  private static String value(List<String> values, Integer column) {
    return column == null || column >= values.size() ? "" : values.get(column).strip();
  }

  /** The fields of one line; a field quoted with {@code "} or {@code '} may hold commas. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          field.append(c);
        }
      } else if ((c == '"' || c == '\'') && field.toString().isBlank()) {
        quote = c;
        field.setLength(0);
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
