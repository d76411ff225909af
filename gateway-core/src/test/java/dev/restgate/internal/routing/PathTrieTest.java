package dev.restgate.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTrieTest {
  private final PathTrie<String> trie = new PathTrie<>();

  private PathTrie.Match<String> find(String path) {
    return trie.find(path);
  }

  @Test
  void literalSegmentBeatsPathParameter() {
    trie.add("/pets/{id}", "param");
    trie.add("/pets/mine", "literal");
    assertThat(find("/pets/mine").value()).isEqualTo("literal");
    assertThat(find("/pets/7").value()).isEqualTo("param");
    assertThat(find("/pets/7").pathParameters()).isEqualTo(Map.of("id", "7"));
  }

  @Test
  void pathParameterBeatsGreedyParameter() {
    trie.add("/{proxy+}", "greedy");
    trie.add("/{id}", "param");
    assertThat(find("/x").value()).isEqualTo("param");
    assertThat(find("/x/y").value()).isEqualTo("greedy");
  }

  @Test
  void greedyParameterTakesSeveralSegmentsAndKeepsDoubleSlashes() {
    trie.add("/files/{path+}", "files");
    PathTrie.Match<String> match = find("/files/a/b//c.txt");
    assertThat(match.value()).isEqualTo("files");
    assertThat(match.pathParameters()).isEqualTo(Map.of("path", "a/b//c.txt"));
  }

  @Test
  void greedyParameterDoesNotMatchTheRoot() {
    trie.add("/{proxy+}", "greedy");
    assertThat(find("/")).isNull();
    assertThat(find("")).isNull();
    trie.add("/", "root");
    assertThat(find("/").value()).isEqualTo("root");
  }

  @Test
  void trailingSlashIsIgnoredForMatchingAndNotPartOfGreedyValue() {
    trie.add("/pets", "pets");
    trie.add("/{proxy+}", "greedy");
    assertThat(find("/pets/").value()).isEqualTo("pets");
    assertThat(find("/proxy-value/").pathParameters()).isEqualTo(Map.of("proxy", "proxy-value"));
  }

  @Test
  void pathParametersAreNotPercentDecoded() {
    trie.add("/users/{email}", "user");
    assertThat(find("/users/test%2Balias@gmail.com").pathParameters())
        .isEqualTo(Map.of("email", "test%2Balias@gmail.com"));
  }

  @Test
  void parameterTakesExactlyOneNonEmptySegment() {
    trie.add("/pets/{id}", "pet");
    assertThat(find("/pets/1/2")).isNull();
    assertThat(find("/pets//")).isNull();
  }

  @Test
  void deadEndLiteralBranchBacksUpToTheParameterBranch() {
    trie.add("/a/b", "ab");
    trie.add("/{x}/c", "xc");
    PathTrie.Match<String> match = find("/a/c");
    assertThat(match.value()).isEqualTo("xc");
    assertThat(match.pathParameters()).isEqualTo(Map.of("x", "a"));
  }

  @Test
  void nestedParametersAreAllCaptured() {
    trie.add("/users/{user}/pets/{pet}", "both");
    assertThat(find("/users/u1/pets/p2").pathParameters()).containsExactly(
        Map.entry("user", "u1"), Map.entry("pet", "p2"));
  }

  @Test
  void siblingVariablesWithDifferentNamesAreRefused() {
    trie.add("/pets/{id}", "a");
    assertThatThrownBy(() -> trie.add("/pets/{name}", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only one variable path part");
  }

  @Test
  void unknownPathFindsNothing() {
    trie.add("/pets", "pets");
    assertThat(find("/cats")).isNull();
  }
}
