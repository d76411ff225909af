package dev.restgate.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the tree of a YAML document from Jackson's token stream, resolving anchors ({@code &name}), aliases
 * ({@code *name}) and merge keys ({@code <<: *name}), which Jackson's own tree reader leaves as plain strings.
 * Jackson's parser keeps the anchors of mappings and lists only, so only those can be repeated.
 * Aliases are expanded into copies, within a budget of values so that a small file cannot expand exponentially. An
 * empty value is null, a quoted empty string is a string.
 */
final class YamlTree {
  static final int MAX_VALUES = 100_000;
  // Only true and false are booleans (YAML 1.2), so that yes, no, on and off stay strings.
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final YAMLParser parser;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private int values;

  /** An anchored value and how many values it holds, to charge each alias of it against the budget. */
  private record Anchored(JsonNode node, int size) {}

  private YamlTree(YAMLParser parser) {
    this.parser = parser;
  }

  /** The document's tree, or null for an empty document. */
  static JsonNode read(byte[] document) throws IOException {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(document)) {
      return parser.nextToken() == null ? null : new YamlTree(parser).value();
    }
  }

  private JsonNode value() throws IOException {
    String anchor = parser.getCurrentAnchor();
    int before = values;
    JsonNode node = switch (parser.currentToken()) {
      case START_OBJECT -> object();
      case START_ARRAY -> array();
      case VALUE_STRING -> parser.isCurrentAlias() ? alias(parser.getText()) : NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(parser, "unsupported YAML value " + parser.currentToken());
    };
    count(1);
    if (anchor != null) {
      anchors.put(anchor, new Anchored(node, values - before));
    }
    return node;
  }

  private ObjectNode object() throws IOException {
    ObjectNode object = NODES.objectNode();
    ObjectNode merged = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      JsonNode value = value();
      if (name.equals("<<")) {
        merge(value, merged);
      } else {
        object.set(name, value);
      }
    }
    // Keys written in the mapping win over merged ones, wherever the merge key stands.
    merged.properties().forEach(entry -> object.putIfAbsent(entry.getKey(), entry.getValue()));
    return object;
  }

  private void merge(JsonNode value, ObjectNode merged) throws JsonParseException {
    if (value.isObject()) {
      value.properties().forEach(entry -> merged.putIfAbsent(entry.getKey(), entry.getValue()));
    } else if (value.isArray()) {
      for (JsonNode element : value) {
        merge(element, merged);
      }
    } else {
      throw new JsonParseException(parser, "a merge key (<<) takes a mapping or a list of mappings");
    }
  }

  private ArrayNode array() throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value());
    }
    return array;
  }

  private JsonNode alias(String name) throws JsonParseException {
    Anchored anchored = anchors.get(name);
    if (anchored == null) {
      throw new JsonParseException(parser, "the alias *" + name + " names no anchored mapping or list (&" + name
          + ") before it; anchors on single values are not supported, so repeat the value");
    }
    count(anchored.size() - 1);
    return anchored.node().deepCopy();
  }

  private void count(int added) throws JsonParseException {
    values += added;
    if (values > MAX_VALUES) {
      throw new JsonParseException(parser, "the document holds more than " + MAX_VALUES
          + " values once its aliases are expanded");
    }
  }
}
