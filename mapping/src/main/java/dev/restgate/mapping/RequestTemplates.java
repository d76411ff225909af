package dev.restgate.mapping;

import dev.restgate.mapping.template.VtlTemplate;
import dev.restgate.model.Integration;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An integration's request templates by media type, compiled, and its {@code passthroughBehavior}: which template
 * renders a request, whether its body passes through untouched, or whether it is refused with 415.
 */
final class RequestTemplates {
  private static final List<String> BEHAVIOURS = List.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");

  private final Map<String, VtlTemplate> byMediaType;
  private final String passthroughBehavior;

  private RequestTemplates(Map<String, VtlTemplate> byMediaType, String passthroughBehavior) {
    this.byMediaType = byMediaType;
    this.passthroughBehavior = passthroughBehavior;
  }

  /** @throws IllegalArgumentException for a template that does not compile or an unknown passthrough behaviour */
  static RequestTemplates compile(Integration integration) {
    String behaviour = integration.passthroughBehavior() == null ? "WHEN_NO_MATCH"
        : integration.passthroughBehavior().toUpperCase(Locale.ROOT);
    if (!BEHAVIOURS.contains(behaviour)) {
      throw new IllegalArgumentException("passthroughBehavior must be one of " + BEHAVIOURS + ", not "
          + integration.passthroughBehavior());
    }
    Map<String, VtlTemplate> templates = new HashMap<>();
    integration.requestTemplates().forEach((type, source) -> {
      try {
        templates.put(MediaTypes.ofContentType(type), VtlTemplate.compile(source == null ? "" : source));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The request template for " + type + " is invalid: " + e.getMessage(),
            e);
      }
    });
    return new RequestTemplates(Map.copyOf(templates), behaviour);
  }

  /**
   * The template for a request of {@code contentType}, or null when its body passes through.
   *
   * @throws GatewayException {@code UNSUPPORTED_MEDIA_TYPE} when the passthrough behaviour refuses the request
   */
  VtlTemplate select(String contentType) throws GatewayException {
    VtlTemplate template = byMediaType.get(MediaTypes.ofContentType(contentType));
    if (template != null) {
      return template;
    }
    boolean refused = switch (passthroughBehavior) {
      case "NEVER" -> true;
      case "WHEN_NO_TEMPLATES" -> !byMediaType.isEmpty();
      default -> false;
    };
    if (refused) {
      throw new GatewayException(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
    }
    return null;
  }
}
