package dev.restgate.throttling;

import dev.restgate.config.ConfigNode;
import dev.restgate.spi.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of one kind of item (API keys, usage plans) with their names, so that references may use either: the
 * derived ids are not something a user can guess, names are.
 */
final class References {
  private final String kind;
  private final Map<String, String> namesById = new LinkedHashMap<>();

  References(String kind) {
    this.kind = kind;
  }

  void add(String id, String name) {
    namesById.put(id, name);
  }

  /** The id {@code node} names (by id first, else by unique name), or null after reporting it. */
  String resolve(ConfigNode node) {
    String reference = node.required().string();
    if (reference == null) {
      return null;
    }
    if (namesById.containsKey(reference)) {
      return reference;
    }
    List<String> named = new ArrayList<>();
    namesById.forEach((id, name) -> {
      if (reference.equals(name)) {
        named.add(id);
      }
    });
    if (named.size() == 1) {
      return named.get(0);
    }
    node.problem(named.isEmpty()
        ? "no " + kind + " has the id or name " + Json.quote(reference) + "; configured: " + configured()
        : "several " + kind + "s are named " + Json.quote(reference) + " (" + String.join(", ", named)
            + "); use the id");
    return null;
  }

  private String configured() {
    if (namesById.isEmpty()) {
      return "(none)";
    }
    List<String> entries = new ArrayList<>();
    namesById.forEach((id, name) -> entries.add(name == null ? id : id + " (" + name + ")"));
    return String.join(", ", entries);
  }
}
