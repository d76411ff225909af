package dev.restgate.examples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * A Lambda proxy integration handler that does no work: answers {@code 200 {"pong":true}} to every event. The
 * benchmark's {@code AWS_PROXY} target uses it, so what it measures is the gateway's proxy-event round trip.
 */
public class PongHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(200)
        .withHeaders(HEADERS)
        .withBody("{\"pong\":true}");
  }
}
