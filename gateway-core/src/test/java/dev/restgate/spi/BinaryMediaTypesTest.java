package dev.restgate.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMediaTypesTest {

  @Test
  void exactTypeMatchesIgnoringCaseAndParameters() {
    BinaryMediaTypes types = BinaryMediaTypes.of(List.of("application/octet-stream"));

    assertThat(types.matches("Application/Octet-Stream; charset=binary")).isTrue();
    assertThat(types.matches("application/octet-streams")).isFalse();
  }

  @Test
  void subtypeWildcardMatchesEveryTypeOfThatFamily() {
    BinaryMediaTypes types = BinaryMediaTypes.of(List.of("image/*"));

    assertThat(types.matches("image/png")).isTrue();
    assertThat(types.matches("image/svg+xml")).isTrue();
    assertThat(types.matches("text/plain")).isFalse();
  }

  @Test
  void fullWildcardMatchesAnything() {
    assertThat(BinaryMediaTypes.of(List.of("*/*")).matches("text/html")).isTrue();
  }

  @Test
  void onlyTheFirstMediaTypeOfAHeaderCounts() {
    BinaryMediaTypes types = BinaryMediaTypes.of(List.of("image/png"));

    assertThat(types.matches("text/html, image/png")).isFalse();
    assertThat(types.matches("image/png;q=0.9, text/html")).isTrue();
  }

  @Test
  void missingHeaderCountsAsJson() {
    assertThat(BinaryMediaTypes.of(List.of("application/json")).matches(null)).isTrue();
    assertThat(BinaryMediaTypes.of(List.of("image/*")).matches(null)).isFalse();
  }

  @Test
  void acceptWildcardDoesNotMatchAConcreteBinaryType() {
    assertThat(BinaryMediaTypes.of(List.of("image/png")).matches("*/*")).isFalse();
  }

  @Test
  void anApiWithoutBinaryMediaTypesHasNoBinaryBodies() {
    assertThat(BinaryMediaTypes.of(null).matches("application/octet-stream")).isFalse();
    assertThat(BinaryMediaTypes.of(List.of()).matches("*/*")).isFalse();
  }

  @Test
  void regexCharactersInATypeAreLiteral() {
    BinaryMediaTypes types = BinaryMediaTypes.of(List.of("application/vnd.a+b"));

    assertThat(types.matches("application/vnd.a+b")).isTrue();
    assertThat(types.matches("application/vndxaab")).isFalse();
  }
}
