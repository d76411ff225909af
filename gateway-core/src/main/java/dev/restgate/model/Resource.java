package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One node of an API's resource tree.
 *
 * @param path the full path template, {@code /} for the root, e.g. {@code /pets/{petId}}
 * @param pathPart the last segment of {@code path} ({@code null} for the root)
 * @param resourceMethods methods keyed by HTTP verb ({@code GET}, ..., {@code ANY})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Resource(String id, String parentId, String pathPart, String path, Map<String, Method> resourceMethods) {
  public Resource {
    resourceMethods = Copies.map(resourceMethods);
  }
}
