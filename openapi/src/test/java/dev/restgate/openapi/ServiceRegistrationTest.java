package dev.restgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.spi.ApiImporter;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

  @Test
  void serviceLoaderFindsTheOpenApiImporter() {
    assertThat(ServiceLoader.load(ApiImporter.class)).hasAtLeastOneElementOfType(OpenApiImporter.class);
  }
}
