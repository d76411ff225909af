package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The {@code x-amazon-apigateway-documentation} content of an API: a version and its documentation parts. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DocumentationSet(String version, List<JsonNode> documentationParts) {
  public DocumentationSet {
    documentationParts = Copies.list(documentationParts);
  }
}
