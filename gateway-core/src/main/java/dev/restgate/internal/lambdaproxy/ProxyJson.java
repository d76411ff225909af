package dev.restgate.internal.lambdaproxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON factory both halves share; thread-safe. */
final class ProxyJson {
  /**
   * Backed by a mapper only so authorizer values that arrive as Jackson trees can be written with {@code writeTree};
   * the event itself is written token by token.
   */
  static final JsonFactory FACTORY = new ObjectMapper().getFactory();

  private ProxyJson() {}
}
