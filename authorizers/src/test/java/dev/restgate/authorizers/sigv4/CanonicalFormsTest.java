package dev.restgate.authorizers.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.http.Headers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalFormsTest {
  @ParameterizedTest
  @CsvSource({"/, /", "//, /", "/pets, /pets", "/pets/, /pets/", "//pets//dogs//, /pets/dogs/", "/./pets, /pets",
      "/pets/./dogs, /pets/dogs", "/pets/dogs/.., /pets", "/pets/dogs/../, /pets/", "/pets/.., /", "/../pets, /pets",
      "/a/b/../../.., /", "/a/%2E%2E/b, /a/%2E%2E/b"})
  void pathsAreNormalizedAsBotocoreDoes(String path, String normalized) {
    assertThat(CanonicalUri.normalize(path)).isEqualTo(normalized);
  }

  @Test
  void pathCandidatesComeAwsFormFirstWithoutDuplicates() {
    assertThat(CanonicalUri.candidates("/pets")).containsExactly("/pets");
    assertThat(CanonicalUri.candidates("")).containsExactly("/");
    assertThat(CanonicalUri.candidates("/pets/two%20words")).containsExactly("/pets/two%2520words",
        "/pets/two%20words");
    assertThat(CanonicalUri.candidates("//pets/./a%3Ab")).containsExactly("/pets/a%253Ab", "//pets/./a%253Ab",
        "//pets/./a%3Ab");
  }

  @Test
  void pathsAreEncodedByteByByteKeepingSlashes() {
    assertThat(UriEncoding.encode("/café/a b+c*~", true)).isEqualTo("/caf%C3%A9/a%20b%2Bc%2A~");
    assertThat(UriEncoding.encode("a/b", false)).isEqualTo("a%2Fb");
  }

  @Test
  void queriesAreDecodedEncodedAgainAndSorted() {
    CanonicalQuery query = CanonicalQuery.parse("b=2&a=&a&a=1&%7e=x%2fy+z&c=%zz%&d=é&&");
    assertThat(query.canonical(Set.of(), false)).isEqualTo("a=&a=&a=1&b=2&c=%25zz%25&d=%C3%A9&~=x%2Fy%2Bz");
    assertThat(query.canonical(Set.of(), true)).isEqualTo("a=&a=&a=1&b=2&c=%25zz%25&d=%C3%A9&~=x%2Fy%20z");
    assertThat(query.value("~")).isEqualTo("x/y+z");
    assertThat(query.value("a")).isEmpty();
    assertThat(query.value("e")).isNull();
  }

  @Test
  void queriesSortByEncodedNameThenValue() {
    assertThat(CanonicalQuery.parse("b=1&B=2&a%20b=3&a-b=4&a=2&a=10").canonical(Set.of(), false))
        .isEqualTo("B=2&a=10&a=2&a%20b=3&a-b=4&b=1");
  }

  @Test
  void curlsUnsortedQueryIsACandidateOfHeaderSignedRequests() {
    assertThat(CanonicalQuery.parse("tag=b&tag=a&empty=").candidates(false))
        .containsExactly("empty=&tag=a&tag=b", "tag=b&tag=a&empty=");
    assertThat(CanonicalQuery.parse("a=1&b=2").candidates(false)).containsExactly("a=1&b=2");
  }

  @Test
  void queryCandidatesOfAPresignedRequest() {
    CanonicalQuery query = CanonicalQuery.parse("X-Amz-Signature=abc&q=a+b&X-Amz-Security-Token=t%2B");
    assertThat(query.candidates(false)).containsExactly("X-Amz-Security-Token=t%2B&X-Amz-Signature=abc&q=a%2Bb",
        "X-Amz-Security-Token=t%2B&X-Amz-Signature=abc&q=a%20b",
        "X-Amz-Signature=abc&q=a+b&X-Amz-Security-Token=t%2B");
    assertThat(query.candidates(true)).containsExactly("X-Amz-Security-Token=t%2B&q=a%2Bb",
        "X-Amz-Security-Token=t%2B&q=a%20b", "q=a%2Bb", "q=a%20b");
    assertThat(query.value("X-Amz-Security-Token")).isEqualTo("t+");
  }

  @Test
  void headerValuesAreTrimmedAndJoined() {
    Headers headers = new Headers().add("Host", "example.com").add("My-Header", " \t a   b \t").add("my-header", "c")
        .add("X-Other", "unsigned");
    CanonicalHeaders canonical = CanonicalHeaders.of(headers, List.of("host", "my-header", "x-absent"));
    assertThat(canonical.text()).isEqualTo("host:example.com\nmy-header:a b,c\nx-absent:\n");
    assertThat(canonical.signedHeaders()).isEqualTo("host;my-header;x-absent");
  }
}
