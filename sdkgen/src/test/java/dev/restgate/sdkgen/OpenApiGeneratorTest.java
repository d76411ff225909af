package dev.restgate.sdkgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * OpenAPI Generator run in process on a Swagger definition as the control plane exports it: the clients call the
 * definition's base URL, send the API key where the definition asks for one, and nothing stays behind in the
 * temporary directory.
 */
class OpenApiGeneratorTest {
  static final String DEFINITION = """
      {"swagger": "2.0", "info": {"title": "pets", "version": "1"},
       "host": "127.0.0.1:8123", "basePath": "/restapis/petstore01/prod/_user_request_", "schemes": ["http"],
       "paths": {
         "/greeting": {"get": {"operationId": "getGreeting", "produces": ["application/json"],
           "responses": {"200": {"description": "200 response", "schema": {"$ref": "#/definitions/Greeting"}}},
           "security": [{"api_key": []}]}}},
       "securityDefinitions": {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}},
       "definitions": {"Greeting": {"type": "object", "properties": {"hello": {"type": "string"}}}}}
      """;

  @Test
  void javaClientCallsTheStageAndSendsTheApiKey() throws Exception {
    Map<String, String> files = generate("java", Map.of("serviceName", "Pets", "javaPackageName", "com.example.pets"));

    assertThat(files).containsKeys("java-sdk/pom.xml", "java-sdk/src/main/java/com/example/pets/api/PetsApi.java",
        "java-sdk/src/main/java/com/example/pets/model/Greeting.java");
    assertThat(files.get("java-sdk/src/main/java/com/example/pets/ApiClient.java"))
        .contains("http://127.0.0.1:8123/restapis/petstore01/prod/_user_request_")
        .contains("new ApiKeyAuth(\"header\", \"x-api-key\")");
    assertThat(files.get("java-sdk/src/main/java/com/example/pets/api/PetsApi.java"))
        .contains("String[] localVarAuthNames = new String[] { \"api_key\" }");
    assertThat(files.keySet()).noneMatch(file -> file.contains("/src/test/"));
  }

  @Test
  void javascriptClientCallsTheStageAndSendsTheApiKey() throws Exception {
    Map<String, String> files = generate("javascript", Map.of());

    assertThat(files).containsKeys("javascript-sdk/package.json", "javascript-sdk/src/api/DefaultApi.js");
    assertThat(files.get("javascript-sdk/src/ApiClient.js"))
        .contains("http://127.0.0.1:8123/restapis/petstore01/prod/_user_request_")
        .contains("'api_key': {type: 'apiKey', 'in': 'header', name: 'x-api-key'}");
  }

  @Test
  void theTemporaryDirectoryIsDeleted() throws Exception {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = leftovers(temp);

    generate("python", Map.of());

    assertThat(leftovers(temp)).isEqualTo(before);
  }

  private static long leftovers(Path temp) throws IOException {
    try (var list = Files.list(temp)) {
      return list.filter(path -> path.getFileName().toString().startsWith("restgate-sdk-")).count();
    }
  }

  static Map<String, String> generate(String type, Map<String, String> parameters) throws Exception {
    byte[] zip = new OpenApiGenerator().generate(type + "-sdk", SdkCatalog.options(type, parameters),
        DEFINITION.getBytes(StandardCharsets.UTF_8));
    Map<String, String> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
