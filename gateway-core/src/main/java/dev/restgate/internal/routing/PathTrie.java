package dev.restgate.internal.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resource paths of one deployment as a tree of segments, matched the way API Gateway matches them: per level a
 * literal segment beats a path parameter, which beats a greedy parameter; {@code {x}} takes one non-empty segment,
 * {@code {x+}} one or more (internal {@code //} kept); a trailing slash is ignored; {@code /{x+}} does not match the
 * root. When a literal branch dead-ends, matching backs up and tries the parameter branch.
 *
 * <p>Lookup cost grows with the depth of the path, not with the number of resources. Built once per deployment,
 * then read-only and safe to share between threads.
 *
 * @param <T> what a resource node carries (its compiled methods)
 */
public final class PathTrie<T> {
  private final Node<T> root = new Node<>();

  /**
   * Adds a resource.
   *
   * @param template a resource path such as {@code /pets/{id}} or {@code /files/{path+}}; {@code /} for the root
   */
  public void add(String template, T value) {
    Node<T> node = root;
    for (String part : template.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("{") && part.endsWith("+}")) {
        String name = part.substring(1, part.length() - 2);
        node = node.greedy(name);
      } else if (part.startsWith("{") && part.endsWith("}")) {
        node = node.param(part.substring(1, part.length() - 1));
      } else {
        node = node.literals.computeIfAbsent(part, k -> new Node<>());
      }
    }
    node.value = value;
  }

  /**
   * Finds the resource for a path below the stage.
   *
   * @param path the raw request path without the stage, starting with {@code /} (may be empty for the stage root)
   * @return the match, or null when no resource with a value matches
   */
  public Match<T> find(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    if (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    if (start >= end) {
      return root.value == null ? null : new Match<>(root.value, Map.of());
    }
    Captures captures = new Captures();
    T value = descend(root, path, start, end, captures);
    if (value == null) {
      return null;
    }
    Map<String, String> parameters;
    if (captures.count == 0) {
      parameters = Map.of();
    } else {
      parameters = new LinkedHashMap<>(captures.count * 2);
      for (int i = 0; i < captures.count; i++) {
        parameters.put(captures.names[i], captures.values[i]);
      }
    }
    return new Match<>(value, parameters);
  }

  private T descend(Node<T> node, String path, int from, int end, Captures captures) {
    if (from >= end) {
      return node.value;
    }
    int slash = path.indexOf('/', from);
    int segmentEnd = slash < 0 || slash > end ? end : slash;
    int next = segmentEnd + 1;
    if (segmentEnd > from) {
      Node<T> literal = node.literals.isEmpty() ? null : node.literals.get(path.substring(from, segmentEnd));
      if (literal != null) {
        T found = descend(literal, path, next, end, captures);
        if (found != null) {
          return found;
        }
      }
      if (node.param != null) {
        int mark = captures.count;
        captures.push(node.paramName, path.substring(from, segmentEnd));
        T found = descend(node.param, path, next, end, captures);
        if (found != null) {
          return found;
        }
        captures.count = mark;
      }
    }
    if (node.greedy != null && node.greedy.value != null && end > from) {
      captures.push(node.greedyName, path.substring(from, end));
      return node.greedy.value;
    }
    return null;
  }

  /** A matched resource and its raw path parameters. */
  public record Match<T>(T value, Map<String, String> pathParameters) {}

  private static final class Captures {
    String[] names = new String[4];
    String[] values = new String[4];
    int count;

    void push(String name, String value) {
      if (count == names.length) {
        names = Arrays.copyOf(names, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      names[count] = name;
      values[count] = value;
      count++;
    }
  }

  private static final class Node<T> {
    final Map<String, Node<T>> literals = new HashMap<>(4);
    Node<T> param;
    String paramName;
    Node<T> greedy;
    String greedyName;
    T value;

    Node<T> param(String name) {
      if (param == null) {
        param = new Node<>();
        paramName = name;
      } else if (!paramName.equals(name)) {
        throw new IllegalArgumentException(
            "only one variable path part is allowed per level: {" + paramName + "} and {" + name + "}");
      }
      return param;
    }

    Node<T> greedy(String name) {
      if (greedy == null) {
        greedy = new Node<>();
        greedyName = name;
      } else if (!greedyName.equals(name)) {
        throw new IllegalArgumentException(
            "only one greedy path part is allowed per level: {" + greedyName + "+} and {" + name + "+}");
      }
      return greedy;
    }
  }
}
