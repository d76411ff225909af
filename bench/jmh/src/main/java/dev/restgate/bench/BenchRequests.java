package dev.restgate.bench;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.Headers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** A typical API call: ten header fields as a browser or SDK sends them behind a load balancer, a small JSON body. */
public final class BenchRequests {
  public static final byte[] JSON_BODY = ("{\"orderId\":\"1001\",\"status\":\"shipped\",\"items\":[{\"sku\":\"A-1\","
      + "\"quantity\":2,\"price\":19.99},{\"sku\":\"B-7\",\"quantity\":1,\"price\":5.5}],\"note\":\"leave at door\"}")
      .getBytes(StandardCharsets.UTF_8);

  public static final String QUERY = "expand=items&fields=id%2Cstatus%2Ctotal&page=2&limit=50";

  /** Name and value of each field, in the order sent. */
  public static final String[][] HEADERS = {
      {"Host", BenchApis.HOST},
      {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"},
      {"Accept", "application/json"},
      {"Accept-Encoding", "gzip, deflate, br"},
      {"Accept-Language", "en-US,en;q=0.9"},
      {"Authorization", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNzAwMDAwMDAwfQ"
          + ".c2lnbmF0dXJlLXBsYWNlaG9sZGVyLXZhbHVl"},
      {"Content-Type", "application/json"},
      {"Content-Length", Integer.toString(JSON_BODY.length)},
      {"X-Forwarded-For", "198.51.100.23"},
      {"X-Request-Id", "7f3c2a9e-5b1d-4e8f-9a6c-2d4b8e1f0c3a"}};

  public static final String SOURCE_IP = "203.0.113.7";

  private BenchRequests() {}

  public static Headers headers() {
    Headers headers = new Headers();
    for (String[] field : HEADERS) {
      headers.add(field[0], field[1]);
    }
    return headers;
  }

  /** {@code method /prod{path}?query} on the API's execute-api host with the typical headers and body. */
  public static GatewayRequest request(String method, String path, String query, byte[] body) {
    return new GatewayRequest(method, "/" + BenchApis.STAGE + path, query, headers(), "HTTP/1.1", "https", SOURCE_IP,
        443, new ByteArrayInputStream(body));
  }
}
