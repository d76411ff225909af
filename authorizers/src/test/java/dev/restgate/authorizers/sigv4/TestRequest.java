package dev.restgate.authorizers.sigv4;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.Headers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request as the gateway receives it, immutable so that a test can tamper with a copy; {@link #gatewayRequest()}
 * makes a fresh {@link GatewayRequest} each time, as its body can be read once.
 *
 * @param path the raw path as sent
 * @param rawQuery the raw query, or null
 */
record TestRequest(String method, String path, String rawQuery, List<Field> headers, byte[] body) {
  record Field(String name, String value) {}

  /**
   * Reads a request in the suite's format: request line, header lines {@code Name:value} where a line starting with
   * whitespace continues the one before (obsolete line folding, which a server takes as one space), blank line,
   * body. The request target keeps the suite's literal spaces and UTF-8.
   */
  static TestRequest parse(byte[] file) {
    String text = new String(file, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\n\n");
    String head = headEnd < 0 ? text : text.substring(0, headEnd);
    byte[] body = headEnd < 0 ? new byte[0]
        : text.substring(headEnd + 2).getBytes(StandardCharsets.UTF_8);
    List<String> lines = head.lines().toList();
    String requestLine = lines.get(0);
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
    int question = target.indexOf('?');
    List<Field> headers = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith(" ") || line.startsWith("\t")) {
        Field folded = headers.remove(headers.size() - 1);
        headers.add(new Field(folded.name, folded.value + " " + line));
      } else if (!line.isEmpty()) {
        int colon = line.indexOf(':');
        headers.add(new Field(line.substring(0, colon), line.substring(colon + 1)));
      }
    }
    return new TestRequest(method, question < 0 ? target : target.substring(0, question),
        question < 0 ? null : target.substring(question + 1), List.copyOf(headers), body);
  }

  GatewayRequest gatewayRequest() {
    Headers fields = new Headers();
    headers.forEach(field -> fields.add(field.name, field.value));
    return new GatewayRequest(method, path, rawQuery, fields, "HTTP/1.1", "https", "203.0.113.7", 443,
        new ByteArrayInputStream(body));
  }

  /** The first value of a header, or null. */
  String header(String name) {
    return headers.stream().filter(field -> field.name.equalsIgnoreCase(name)).map(Field::value).findFirst()
        .orElse(null);
  }

  /** A copy where {@code name} has only this value (at the end), or is absent when value is null. */
  TestRequest withHeader(String name, String value) {
    List<Field> fields = new ArrayList<>(headers);
    fields.removeIf(field -> field.name.equalsIgnoreCase(name));
    if (value != null) {
      fields.add(new Field(name, value));
    }
    return new TestRequest(method, path, rawQuery, List.copyOf(fields), body);
  }

  TestRequest withPath(String value) {
    return new TestRequest(method, value, rawQuery, headers, body);
  }

  TestRequest withQuery(String value) {
    return new TestRequest(method, path, value, headers, body);
  }

  /** A copy with another body of the same length, so that {@code Content-Length} still frames it. */
  TestRequest withBody(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != body.length) {
      throw new IllegalArgumentException("tamper with the body, keep its length");
    }
    return new TestRequest(method, path, rawQuery, headers, bytes);
  }

  /** A copy with the first character of its signature (in the Authorization header or the query) changed. */
  TestRequest withFlippedSignature() {
    String authorization = header("Authorization");
    if (authorization != null) {
      return withHeader("Authorization", flipAfter(authorization, "Signature="));
    }
    return withQuery(flipAfter(rawQuery, "X-Amz-Signature="));
  }

  private static String flipAfter(String s, String marker) {
    int at = s.indexOf(marker) + marker.length();
    if (at < marker.length() || at >= s.length()) {
      throw new IllegalArgumentException("no " + marker + " in " + s);
    }
    return s.substring(0, at) + (s.charAt(at) == '0' ? '1' : '0') + s.substring(at + 1);
  }

  @Override
  public String toString() {
    return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " " + headers;
  }
}
