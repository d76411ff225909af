package dev.restgate.mapping;

import dev.restgate.model.Integration;
import dev.restgate.model.IntegrationResponse;
import dev.restgate.spi.ParameterExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An integration's responses, compiled: selection patterns (Java regular expressions matched against the whole
 * input, in definition order), the default response, and each response's parameters, templates and content
 * handling.
 */
final class IntegrationResponses {
  private static final String HEADER_TARGET = "method.response.header.";

  private final List<Selectable> patterned;
  private final Selectable fallback;

  /**
   * One compiled integration response.
   *
   * @param headers response header name to its source
   */
  record Selectable(Pattern pattern, int statusCode, Map<String, ParameterExpression> headers,
      ResponseTemplates templates, ContentHandling contentHandling) {}

  private IntegrationResponses(List<Selectable> patterned, Selectable fallback) {
    this.patterned = patterned;
    this.fallback = fallback;
  }

  /** @throws IllegalArgumentException for a status, pattern, parameter or template AWS would not accept */
  static IntegrationResponses compile(Integration integration) {
    List<Selectable> patterned = new ArrayList<>();
    Selectable fallback = null;
    for (Map.Entry<String, IntegrationResponse> entry : integration.integrationResponses().entrySet()) {
      IntegrationResponse response = entry.getValue();
      String pattern = response.selectionPattern();
      boolean isDefault = pattern == null || pattern.isEmpty() || entry.getKey().equals("default");
      Selectable compiled = new Selectable(isDefault ? null : regex(pattern), status(response.statusCode()),
          headers(response), ResponseTemplates.compile(response.statusCode(), response.responseTemplates()),
          ContentHandling.of(response.contentHandling()));
      if (isDefault) {
        fallback = compiled;
      } else {
        patterned.add(compiled);
      }
    }
    return new IntegrationResponses(List.copyOf(patterned), fallback);
  }

  /**
   * The response for {@code input} (the backend status, or a Lambda function's {@code errorMessage}): the first
   * whose pattern matches all of it, else the default; null when there is neither.
   */
  Selectable select(String input) {
    if (input != null) {
      for (Selectable response : patterned) {
        if (response.pattern().matcher(input).matches()) {
          return response;
        }
      }
    }
    return fallback;
  }

  private static Pattern regex(String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Invalid selection pattern specified: " + pattern + " ("
          + e.getDescription() + ")", e);
    }
  }

  private static int status(String statusCode) {
    if (statusCode == null || !statusCode.matches("[1-5]\\d\\d")) {
      throw new IllegalArgumentException("Invalid status code specified for an integration response: "
          + statusCode);
    }
    return Integer.parseInt(statusCode);
  }

  private static Map<String, ParameterExpression> headers(IntegrationResponse response) {
    Map<String, ParameterExpression> headers = new LinkedHashMap<>();
    response.responseParameters().forEach((target, source) -> {
      if (!target.startsWith(HEADER_TARGET) || target.length() == HEADER_TARGET.length()) {
        throw new IllegalArgumentException("Invalid mapping expression specified: " + target
            + " (integration responses map to method.response.header.NAME)");
      }
      headers.put(target.substring(HEADER_TARGET.length()), ParameterExpression.parseResponse(source));
    });
    return headers;
  }
}
