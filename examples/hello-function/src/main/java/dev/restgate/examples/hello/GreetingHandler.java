package dev.restgate.examples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A plain-object handler, invoked directly (not through API Gateway's proxy event): {@code {"name":"Ada"}} answers
 * {@code {"greeting":"Hello, Ada!","name":"Ada"}}; without a name the answer has no {@code name} field.
 */
public class GreetingHandler implements RequestHandler<GreetingRequest, GreetingResponse> {

  @Override
  public GreetingResponse handleRequest(GreetingRequest request, Context context) {
    String name = request == null ? null : request.getName();
    GreetingResponse response = new GreetingResponse();
    response.setGreeting("Hello, " + (name == null ? "world" : name) + "!");
    response.setName(name);
    return response;
  }
}
