package dev.restgate.tracing;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ModuleContext;
import java.nio.charset.StandardCharsets;

/**
 * A test module whose Lambda invoker answers every invocation as a TOKEN authorizer that allows: the tracing tests
 * see a Lambda authorizer's call without a Lambda runtime.
 */
public final class AllowingAuthorizerModule implements GatewayModule {
  private static final byte[] ALLOW = ("{\"principalId\":\"ada\",\"policyDocument\":{\"Version\":\"2012-10-17\","
      + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}}")
      .getBytes(StandardCharsets.UTF_8);

  @Override
  public String name() {
    return "allowing-authorizer";
  }

  @Override
  public void configure(ModuleContext context) {
    context.registerService(LambdaInvoker.class,
        invocation -> new LambdaInvoker.Result(ALLOW, null, "$LATEST", null));
  }
}
