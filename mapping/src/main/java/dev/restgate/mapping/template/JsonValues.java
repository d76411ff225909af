package dev.restgate.mapping.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON as templates see it: parsed into maps and lists whose printed form is API Gateway's (a map prints as
 * {@code {k=v}}, a list as JSON), JSONPaths compiled once per distinct expression, and values written back as JSON.
 */
final class JsonValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Configuration PATHS = Configuration.builder()
      .jsonProvider(new JacksonJsonProvider(JSON)).mappingProvider(new JacksonMappingProvider(JSON))
      .options(Option.SUPPRESS_EXCEPTIONS).build();
  private static final int MAX_CACHED_PATHS = 4096;
  private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

  private JsonValues() {}

  /**
   * Parses JSON text.
   *
   * @throws TemplateError when the text is not JSON
   */
  static Object parse(String text) {
    try {
      return wrap(JSON.readValue(text, Object.class));
    } catch (JsonProcessingException e) {
      throw new TemplateError("Invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The value at {@code path} (a JSONPath such as {@code $.pets[0].name}) of a parsed document, or null. */
  static Object read(Object document, String path) {
    JsonPath compiled = COMPILED.get(path);
    if (compiled == null) {
      compiled = JsonPath.compile(path);
      if (COMPILED.size() < MAX_CACHED_PATHS) {
        COMPILED.put(path, compiled);
      }
    }
    return wrap(compiled.read(document, PATHS));
  }

  /** {@code value} as JSON text. */
  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new TemplateError("The value cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object wrap(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> wrapped = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> wrapped.put(k, wrap(v)));
      return wrapped;
    }
    if (value instanceof List<?> list) {
      JsonList wrapped = new JsonList(list.size());
      list.forEach(element -> wrapped.add(wrap(element)));
      return wrapped;
    }
    return value;
  }

  /** A list that prints as JSON, as API Gateway prints the lists of {@code $input.path}. */
  static final class JsonList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    JsonList(int size) {
      super(size);
    }

    @Override
    public String toString() {
      return write(this);
    }
  }
}
