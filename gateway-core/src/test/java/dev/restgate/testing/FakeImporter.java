package dev.restgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stands in for the OpenAPI importer. Its documents are tiny YAML or JSON:
 * {@code {title, paths: {"/pets": [GET, POST]}, errors: [message], warnings: [message]}}; errors make the import
 * fail with problems at {@code /errors/i}. OpenAPI-shaped paths ({@code "/pets": {get: ..., post: ...}}, with
 * {@code info.title}) are read too, for documents that must also be real OpenAPI. It records every import's options.
 */
public final class FakeImporter implements ApiImporter {
  private static final YAMLMapper YAML = new YAMLMapper();

  public final List<Options> imports = new ArrayList<>();

  @Override
  public Result importApi(byte[] document, Options options) throws ProblemsException {
    imports.add(options);
    JsonNode tree;
    try {
      tree = YAML.readTree(document);
    } catch (IOException e) {
      throw new ProblemsException("unreadable", List.of(new Problem(options.source(), "", e.getMessage())));
    }
    List<Problem> errors = problems(tree, "errors", options.source());
    if (!errors.isEmpty()) {
      throw new ProblemsException("invalid", errors);
    }
    List<Resource> resources = new ArrayList<>();
    resources.add(new Resource("root", null, null, "/", Map.of()));
    tree.path("paths").properties().forEach(path -> {
      Map<String, Method> methods = new LinkedHashMap<>();
      methodNames(path.getValue()).forEach(m -> methods.put(m,
          new Method(m, "NONE", null, false, null, null, null, null, null, null, null, null)));
      if (path.getKey().equals("/")) {
        resources.set(0, new Resource("root", null, null, "/", methods));
      } else {
        resources.add(new Resource("r" + resources.size(), "root", path.getKey().substring(1), path.getKey(),
            methods));
      }
    });
    String title = tree.path("title").asText(tree.path("info").path("title").asText("untitled"));
    RestApi api = new RestApi(options.apiId(), title, null, null, null, null, null,
        null, null, null, null, null, resources, null, null, null, null, null, null);
    return new Result(api, problems(tree, "warnings", options.source()));
  }

  private static List<String> methodNames(JsonNode path) {
    List<String> names = new ArrayList<>();
    if (path.isArray()) {
      path.forEach(m -> names.add(m.asText()));
    } else {
      path.properties().forEach(operation -> {
        if (operation.getKey().equals("x-amazon-apigateway-any-method")) {
          names.add("ANY");
        } else if (!operation.getKey().startsWith("x-") && !operation.getKey().equals("parameters")) {
          names.add(operation.getKey().toUpperCase(Locale.ROOT));
        }
      });
    }
    return names;
  }

  private static List<Problem> problems(JsonNode tree, String key, String source) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < tree.path(key).size(); i++) {
      problems.add(new Problem(source, "/" + key + "/" + i, tree.path(key).get(i).asText()));
    }
    return problems;
  }
}
