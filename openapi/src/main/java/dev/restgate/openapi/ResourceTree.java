package dev.restgate.openapi;

import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.spi.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API's resource tree, built path by path with the control-plane rules of API Gateway: the root always exists,
 * missing ancestors are created, a path part is a literal (letters, digits and {@code ._-:,}) or a whole
 * {@code {variable}}, a greedy {@code {name+}} has no children and a parent has at most one variable child. A
 * trailing slash names the same resource as the path without it.
 */
final class ResourceTree {
  private static final Pattern LITERAL = Pattern.compile("[a-zA-Z0-9._:,-]+");
  private static final Pattern VARIABLE = Pattern.compile("\\{[a-zA-Z0-9._-]+\\+?}");

  private final String apiId;
  private final Problems problems;
  private final Map<String, Node> byPath = new LinkedHashMap<>();

  ResourceTree(String apiId, Problems problems) {
    this.apiId = apiId;
    this.problems = problems;
    byPath.put("/", new Node("/", null, null));
  }

  /**
   * Adds the resource for {@code path} and its missing ancestors.
   *
   * @param at the path's key in the document, where problems are reported
   * @return the resource's path (methods may be added to it), or null when the path is refused
   */
  String add(String path, Located at) {
    if (!path.startsWith("/")) {
      problems.error(at, "A resource path must start with '/': " + path);
      return null;
    }
    // Pulumi's awsx writes "/api/" beside "/api/{proxy+}", and AWS deploys such definitions.
    String resourcePath = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (resourcePath.equals("/")) {
      return resourcePath;
    }
    String[] parts = resourcePath.substring(1).split("/", -1);
    if (!partsAreValid(parts, resourcePath, at)) {
      return null;
    }
    Node parent = byPath.get("/");
    StringBuilder current = new StringBuilder();
    List<Node> created = new ArrayList<>();
    for (String part : parts) {
      current.append('/').append(part);
      Node child = byPath.get(current.toString());
      if (child == null) {
        String refusal = refusal(parent, part);
        if (refusal != null) {
          problems.error(at, refusal);
          created.forEach(this::remove);
          return null;
        }
        child = new Node(current.toString(), part, parent);
        byPath.put(child.path, child);
        parent.children.add(child);
        created.add(child);
      }
      parent = child;
    }
    return resourcePath;
  }

  /** Adds a method to a resource that {@link #add} accepted. */
  void addMethod(String path, Method method) {
    byPath.get(path).methods.put(method.httpMethod(), method);
  }

  /** Every resource, the root first, parents before their children. */
  List<Resource> resources() {
    List<Resource> resources = new ArrayList<>();
    for (Node node : byPath.values()) {
      resources.add(new Resource(id(node), node.parent == null ? null : id(node.parent), node.part, node.path,
          node.methods));
    }
    return resources;
  }

  private String id(Node node) {
    return Ids.derive(10, apiId, "resource", node.path);
  }

  private boolean partsAreValid(String[] parts, String path, Located at) {
    boolean valid = true;
    for (String part : parts) {
      if (part.isEmpty()) {
        problems.error(at, "The resource path " + path + " has an empty path part");
        valid = false;
      } else if (!LITERAL.matcher(part).matches() && !VARIABLE.matcher(part).matches()) {
        problems.error(at, part.contains("{") || part.contains("}")
            ? "Path parameters must be whole path parts: '" + part + "' in " + path
            : "Resource's path part only allow a-zA-Z0-9._-:, and curly braces at the beginning and the end and an "
                + "optional plus sign before the closing brace: '" + part + "' in " + path);
        valid = false;
      }
    }
    return valid;
  }

  /** Why {@code part} cannot become a new child of {@code parent}, or null. */
  private static String refusal(Node parent, String part) {
    if (parent.part != null && parent.part.endsWith("+}")) {
      return "Cannot create a child of a resource with a greedy path variable: " + parent.part;
    }
    if (part.startsWith("{")) {
      for (Node sibling : parent.children) {
        if (sibling.part.startsWith("{")) {
          return "A sibling (" + sibling.part + ") of this resource already has a variable path part -- only one "
              + "is allowed";
        }
      }
    }
    return null;
  }

  /** Undoes the ancestors created for a path that was then refused, so a refused path leaves no trace. */
  private void remove(Node node) {
    byPath.remove(node.path);
    node.parent.children.remove(node);
  }

  private static final class Node {
    final String path;
    final String part;
    final Node parent;
    final List<Node> children = new ArrayList<>();
    final Map<String, Method> methods = new LinkedHashMap<>();

    Node(String path, String part, Node parent) {
      this.path = path;
      this.part = part;
      this.parent = parent;
    }
  }
}
