package dev.restgate.launcher.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PetStoreBackendTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private PetStoreBackend backend;

  @BeforeEach
  void start() throws IOException {
    backend = PetStoreBackend.start();
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(backend.uri().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void listsThePets() throws Exception {
    HttpResponse<String> response = get("GET", "/pets");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).startsWith("[{\"id\":1,\"type\":\"dog\"").contains("\"type\":\"fish\"");
  }

  @Test
  void returnsOnePetById() throws Exception {
    assertThat(get("GET", "/pets/2").body()).isEqualTo("{\"id\":2,\"type\":\"cat\",\"price\":124.99}");
  }

  @Test
  void unknownPetsAndPathsAre404() throws Exception {
    for (String path : new String[] {"/pets/4", "/pets/0", "/pets/dog", "/pets/1/toys", "/"}) {
      HttpResponse<String> response = get("GET", path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"message\":\"Pet not found\"}");
    }
  }

  @Test
  void onlyGetIsServed() throws Exception {
    assertThat(get("DELETE", "/pets/1").statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String method, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(backend.uri() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
