package dev.restgate.http;

import java.util.List;

/** The HTTP verbs of API Gateway methods: the one list the configuration, import, routing and integrations use. */
public final class HttpMethods {
  /** The verbs a method may serve; {@code ANY} stands for all of them. {@code HEAD} is never derived from GET. */
  public static final List<String> VERBS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  /** The catch-all method: serves every verb of {@link #VERBS} a resource has no method of its own for. */
  public static final String ANY = "ANY";

  /** {@link #VERBS} and {@link #ANY}: what a method (or an HTTP integration's {@code httpMethod}) may name. */
  public static final List<String> METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", ANY);

  private HttpMethods() {}

  /** Whether {@link #ANY} serves {@code verb} (an upper-case request method). */
  public static boolean isVerb(String verb) {
    return VERBS.contains(verb);
  }
}
