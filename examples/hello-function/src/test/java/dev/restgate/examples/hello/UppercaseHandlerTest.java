package dev.restgate.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UppercaseHandlerTest {

  @Test
  void answersTheEventUpperCased() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    new UppercaseHandler().handleRequest(
        new ByteArrayInputStream("{\"word\":\"grüß\"}".getBytes(StandardCharsets.UTF_8)), output, new TestContext());

    assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"WORD\":\"GRÜSS\"}");
  }
}
