package dev.restgate.plugins;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.CallRefusal;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.Json;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.ServiceCall;
import dev.restgate.spi.ServiceEndpoint;
import java.util.Optional;

/** Serves {@code /_test/signed}, which acts only for callers that {@link ServiceCall#authorize} lets through. */
public final class SignedEndpointModule implements GatewayModule {

  @Override
  public String name() {
    return "signed-endpoint-fixture";
  }

  @Override
  public void configure(ModuleContext context) {
    context.registerEndpoint(new ServiceEndpoint() {
      @Override
      public boolean matches(GatewayRequest request) {
        return request.rawPath().equals("/_test/signed");
      }

      @Override
      public GatewayResponse handle(ServiceCall call) throws Exception {
        Optional<CallRefusal> refusal = call.authorize("test", "test:Act", "arn:aws:test:::thing");
        if (refusal.isPresent()) {
          GatewayResponse refused = GatewayResponse.json(refusal.get().status(),
              "{\"message\":" + Json.quote(refusal.get().message()) + "}");
          refused.headers().add("x-amzn-ErrorType", refusal.get().errorType());
          return refused;
        }
        return GatewayResponse.json(200, "{\"acted\":true}");
      }
    });
  }
}
