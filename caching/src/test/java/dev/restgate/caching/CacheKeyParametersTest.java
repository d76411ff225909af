package dev.restgate.caching;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.Gateway;
import dev.restgate.config.ConfigLoader;
import dev.restgate.spi.ProblemsException;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache key parameter the method does not declare fails the deployment, naming it. */
class CacheKeyParametersTest {
  @TempDir
  Path dir;

  @Test
  void anUndeclaredParameterIsRefusedAtDeployTime() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);
    files.write("api.yaml", """
        openapi: 3.0.1
        info: {title: cached, version: "1"}
        paths:
          /items:
            get:
              parameters: [{name: type, in: query, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "http://127.0.0.1:9/items"
                cacheKeyParameters: [method.request.querystring.type, method.request.header.X-Tenant]
        """);
    ConfigLoader loader = ConfigLoader.standard(CacheKeyParametersTest.class.getClassLoader());
    var config = loader.load(files.write("gateway.yaml", """
        restApis:
          - id: cachedapi1
            body: api.yaml
            stages: [{stageName: prod, cacheClusterEnabled: true}]
        """));

    assertThatThrownBy(() -> Gateway.builder(config).dataDirectory(dir.resolve("data"))
        .classLoader(CacheKeyParametersTest.class.getClassLoader()).start().close())
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining("Invalid cache key parameter specified: method.request.header.X-Tenant");
  }
}
