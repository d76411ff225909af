package dev.restgate.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GreetingHandlerTest {

  @Test
  void greetsByName() {
    GreetingRequest request = new GreetingRequest();
    request.setName("Ada");

    GreetingResponse response = new GreetingHandler().handleRequest(request, new TestContext());

    assertThat(response.getGreeting()).isEqualTo("Hello, Ada!");
    assertThat(response.getName()).isEqualTo("Ada");
  }

  @Test
  void greetsTheWorldWithoutAName() {
    GreetingResponse response = new GreetingHandler().handleRequest(new GreetingRequest(), new TestContext());

    assertThat(response.getGreeting()).isEqualTo("Hello, world!");
    assertThat(response.getName()).isNull();
  }
}
