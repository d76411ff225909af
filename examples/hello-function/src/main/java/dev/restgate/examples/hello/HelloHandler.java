package dev.restgate.examples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Lambda proxy integration handler: answers {@code 200} with a JSON document echoing what API Gateway sent (method,
 * path, resource, path parameters, query, multi-value query, headers, multi-value headers, stage variables, stage,
 * request path, body) and a greeting for the {@code name} query or path parameter.
 *
 * <p>Deploy to AWS with the handler {@code dev.restgate.examples.hello.HelloHandler}.
 */
public class HelloHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    context.getLogger().log("Hello handler saw " + event.getHttpMethod() + " " + event.getPath());

    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("greeting", "Hello, " + name(event) + "!");
    echo.put("method", event.getHttpMethod());
    echo.put("path", event.getPath());
    echo.put("resource", event.getResource());
    echo.put("pathParameters", event.getPathParameters());
    echo.put("query", event.getQueryStringParameters());
    echo.put("multiValueQuery", event.getMultiValueQueryStringParameters());
    echo.put("headers", event.getHeaders());
    echo.put("multiValueHeaders", event.getMultiValueHeaders());
    echo.put("stageVariables", event.getStageVariables());
    echo.put("stage", event.getRequestContext() == null ? null : event.getRequestContext().getStage());
    echo.put("requestPath", event.getRequestContext() == null ? null : event.getRequestContext().getPath());
    echo.put("userArn", event.getRequestContext() == null || event.getRequestContext().getIdentity() == null
        ? null : event.getRequestContext().getIdentity().getUserArn());
    echo.put("apiKey", event.getRequestContext() == null || event.getRequestContext().getIdentity() == null
        ? null : event.getRequestContext().getIdentity().getApiKey());
    echo.put("authorizer", event.getRequestContext() == null ? null : event.getRequestContext().getAuthorizer());
    echo.put("body", event.getBody());

    return new APIGatewayProxyResponseEvent()
        .withStatusCode(200)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(toJson(echo));
  }

  private static String name(APIGatewayProxyRequestEvent event) {
    String fromQuery = valueOf(event.getQueryStringParameters(), "name");
    if (fromQuery != null) {
      return fromQuery;
    }
    String fromPath = valueOf(event.getPathParameters(), "name");
    return fromPath != null ? fromPath : "world";
  }

  private static String valueOf(Map<String, String> parameters, String key) {
    return parameters == null ? null : parameters.get(key);
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
