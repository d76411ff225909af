package dev.restgate.examples.hello;

/** The event {@link GreetingHandler} reads: {@code {"name":"..."}}. */
public class GreetingRequest {
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
