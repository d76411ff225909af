package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlTreeTest {
  private static JsonNode read(String yaml) throws Exception {
    return YamlTree.read(yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(String json) throws Exception {
    return JsonMapper.builder().build().readTree(json);
  }

  @Test
  void aliasesRepeatTheAnchoredValue() throws Exception {
    JsonNode tree = read("""
        a: &limits {rateLimit: 10, burstLimit: 20}
        b: *limits
        c: &stages [prod, beta]
        d: [*stages, *limits]
        """);

    assertThat(tree).isEqualTo(json("""
        {"a": {"rateLimit": 10, "burstLimit": 20}, "b": {"rateLimit": 10, "burstLimit": 20}, "c": ["prod", "beta"],
         "d": [["prod", "beta"], {"rateLimit": 10, "burstLimit": 20}]}
        """));
  }

  @Test
  void aliasesAreCopiesSoEditingOneLeavesTheOthers() throws Exception {
    JsonNode tree = read("a: &x {k: v}\nb: *x\n");

    ((ObjectNode) tree.get("b")).put("k", "changed");

    assertThat(tree.at("/a/k").asText()).isEqualTo("v");
  }

  @Test
  void mergeKeysAddTheEntriesTheMappingDoesNotHave() throws Exception {
    JsonNode tree = read("""
        base: &base {cachingEnabled: true, cacheTtlInSeconds: 60}
        extra: &extra {metricsEnabled: true}
        method:
          cacheTtlInSeconds: 10
          <<: [*base, *extra]
        """);

    assertThat(tree.get("method")).isEqualTo(
        json("{\"cacheTtlInSeconds\": 10, \"cachingEnabled\": true, \"metricsEnabled\": true}"));
  }

  @Test
  void scalarsKeepTheirYamlTypes() throws Exception {
    assertThat(read("a: 1\nb: 0.5\nc: true\nd: ~\ne: \"1\"\nf:\ng: ''\nh: 12345678901\n")).isEqualTo(json(
        "{\"a\": 1, \"b\": 0.5, \"c\": true, \"d\": null, \"e\": \"1\", \"f\": null, \"g\": \"\","
            + " \"h\": 12345678901}"));
  }

  @Test
  void onlyTrueAndFalseAreBooleans() throws Exception {
    assertThat(read("a: yes\nb: off\nc: false\n")).isEqualTo(json("{\"a\": \"yes\", \"b\": \"off\", \"c\": false}"));
  }

  @Test
  void unknownAliasIsASyntaxError() {
    assertThatThrownBy(() -> read("a: *nothing\n"))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("the alias *nothing names no anchored mapping or list (&nothing) before it");
  }

  @Test
  void anchorsOnSingleValuesAreRefusedWithAReason() {
    assertThatThrownBy(() -> read("a: &name prod\nb: *name\n"))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("anchors on single values are not supported, so repeat the value");
  }

  @Test
  void exponentialAliasExpansionIsRefused() {
    StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 6; i++) {
      yaml.append("l").append(i).append(": &l").append(i).append(" [")
          .append(("*l" + (i - 1) + ", ").repeat(9)).append("*l").append(i - 1).append("]\n");
    }

    assertThatThrownBy(() -> read(yaml.toString()))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("more than " + YamlTree.MAX_VALUES + " values once its aliases are expanded");
  }
}
