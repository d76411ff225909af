package dev.restgate.mapping;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.MethodSite;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code MOCK}: no backend. The rendered request template names the status (<code>{"statusCode": 200}</code>),
 * which selects the integration response; the endpoint response has no headers and an empty body. As on AWS, the
 * template may be the relaxed JSON that CDK writes (<code>{statusCode: 200}</code>), and a request with no
 * template output is answered as 200.
 */
public final class MockIntegrationFactory implements IntegrationFactory {
  static final String TYPE = "MOCK";
  private static final Logger LOG = LoggerFactory.getLogger(MockIntegrationFactory.class);
  private static final JsonMapper RELAXED = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  public Handler create(MethodSite site) {
    String method = site.method().httpMethod() + " " + site.resource().path();
    return exchange -> {
      MappedRequest mapped = exchange.get(MappedRequest.KEY);
      int status = status(mapped == null ? "" : mapped.text(), exchange.requestId(), method);
      exchange.endpointResponse(new EndpointResponse(status, new Headers(0), Body.empty(), null));
      return new GatewayResponse(status, new Headers(0), Body.empty());
    };
  }

  private static int status(String rendered, String requestId, String method) throws GatewayException {
    if (rendered.isBlank()) {
      return 200;
    }
    try {
      JsonNode statusCode = RELAXED.readTree(rendered).path("statusCode");
      if (statusCode.canConvertToInt() && statusCode.isIntegralNumber()
          || statusCode.isTextual() && statusCode.asText().matches("\\d{3}")) {
        return statusCode.asInt();
      }
    } catch (IOException notJson) {
      // Reported below, as AWS reports it.
    }
    LOG.warn("{} {}: Execution failed due to configuration error: Unable to parse statusCode. It should be an "
        + "integer that is defined in the request template.", requestId, method);
    throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
  }
}
