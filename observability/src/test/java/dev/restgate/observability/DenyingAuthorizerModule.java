package dev.restgate.observability;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ModuleContext;
import java.nio.charset.StandardCharsets;

/**
 * A test module whose Lambda invoker answers every invocation as a TOKEN authorizer that denies: the access log
 * tests see an authorizer's refusal without a Lambda runtime.
 */
public final class DenyingAuthorizerModule implements GatewayModule {
  private static final byte[] DENY = ("{\"principalId\":\"mallory\",\"policyDocument\":{\"Version\":\"2012-10-17\","
      + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\"*\"}]}}")
      .getBytes(StandardCharsets.UTF_8);

  @Override
  public String name() {
    return "denying-authorizer";
  }

  @Override
  public void configure(ModuleContext context) {
    context.registerService(LambdaInvoker.class,
        invocation -> new LambdaInvoker.Result(DENY, null, "$LATEST", null));
  }
}
