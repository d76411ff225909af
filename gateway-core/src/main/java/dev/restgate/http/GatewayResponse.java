package dev.restgate.http;

/**
 * What the gateway answers: a status, header fields and a body. Plugins may add or change header fields of a
 * response they receive from {@code next} before returning it. One place (the servlet adapter) writes it to the
 * client, adding the headers every response carries.
 */
public final class GatewayResponse {
  private final int status;
  private final Headers headers;
  private final Body body;

  public GatewayResponse(int status, Headers headers, Body body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** A response with a JSON body. */
  public static GatewayResponse json(int status, String json) {
    Headers headers = new Headers(4);
    headers.add("Content-Type", "application/json");
    return new GatewayResponse(status, headers, Body.of(json));
  }

  public int status() {
    return status;
  }

  /** The header fields; mutable until the response is written. */
  public Headers headers() {
    return headers;
  }

  public Body body() {
    return body;
  }
}
