package dev.restgate.lambda.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionClassLoaderTest {

  @Test
  void lambdaCoreInterfacesAreShared() {
    assertThat(FunctionClassLoader.sharedWithGateway("com.amazonaws.services.lambda.runtime.Context")).isTrue();
    assertThat(FunctionClassLoader.sharedWithGateway("com.amazonaws.services.lambda.runtime.LambdaRuntime$1"))
        .isTrue();
    assertThat(FunctionClassLoader.sharedWithGateway("com.amazonaws.services.lambda.runtime.logging.LogLevel"))
        .isTrue();
  }

  @Test
  void eventsSerializationAndOtherPackagesAreNotShared() {
    assertThat(FunctionClassLoader.sharedWithGateway(
        "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent")).isFalse();
    assertThat(FunctionClassLoader.sharedWithGateway(
        "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer")).isFalse();
    assertThat(FunctionClassLoader.sharedWithGateway("com.amazonaws.services.lambda.runtime.logging.x.Y"))
        .isFalse();
    assertThat(FunctionClassLoader.sharedWithGateway("com.amazonaws.services.lambda.Runtime")).isFalse();
    assertThat(FunctionClassLoader.sharedWithGateway("com.fasterxml.jackson.databind.ObjectMapper")).isFalse();
  }
}
