package dev.restgate.mapping;

import dev.restgate.mapping.template.VtlTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An integration response's templates by media type. The template for the first media type of {@code Accept}
 * renders the response; without one, the {@code application/json} template, else the first one defined; without
 * templates the body passes through.
 */
final class ResponseTemplates {
  private final Map<String, VtlTemplate> byMediaType;

  /** A template and the media type it was defined for. */
  record Selected(String mediaType, VtlTemplate template) {}

  private ResponseTemplates(Map<String, VtlTemplate> byMediaType) {
    this.byMediaType = byMediaType;
  }

  /** @throws IllegalArgumentException for a template that does not compile */
  static ResponseTemplates compile(String statusCode, Map<String, String> templates) {
    Map<String, VtlTemplate> compiled = new LinkedHashMap<>();
    templates.forEach((type, source) -> {
      try {
        compiled.put(MediaTypes.ofContentType(type), VtlTemplate.compile(source == null ? "" : source));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The response template of the " + statusCode + " response for " + type
            + " is invalid: " + e.getMessage(), e);
      }
    });
    return new ResponseTemplates(compiled);
  }

  /** The template for a client that accepts {@code accept}, or null when the body passes through. */
  Selected select(String accept) {
    String wanted = MediaTypes.firstAccepted(accept);
    VtlTemplate template = byMediaType.get(wanted);
    if (template != null) {
      return new Selected(wanted, template);
    }
    template = byMediaType.get(MediaTypes.JSON);
    if (template != null) {
      return new Selected(MediaTypes.JSON, template);
    }
    return byMediaType.entrySet().stream().findFirst()
        .map(first -> new Selected(first.getKey(), first.getValue())).orElse(null);
  }
}
