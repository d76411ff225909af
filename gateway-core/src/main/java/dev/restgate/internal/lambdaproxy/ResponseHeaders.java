package dev.restgate.internal.lambdaproxy;

import dev.restgate.http.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header fields a client receives from a Lambda proxy response.
 *
 * <p>{@code multiValueHeaders} and {@code headers} merge by name ignoring case: the multi-valued entry comes first
 * and gives the name its spelling, then the single value unless it is already among the multiple ones (AWS: "if
 * the same key-value pair is specified in both, only the values from multiValueHeaders will appear"). Every value
 * becomes a header field of its own, so several {@code Set-Cookie} values reach the browser as separate fields;
 * clients that fold repeated fields see the {@code v1, v2} AWS is recorded with.
 *
 * <p>{@code Transfer-Encoding} is dropped and {@code Connection}, {@code Content-Length}, {@code Date} and {@code
 * Server} are renamed {@code x-amzn-Remapped-{Name}}, since the gateway owns those; {@code Content-Type} defaults to
 * {@code application/json}.
 */
final class ResponseHeaders {
  private static final Map<String, String> REMAPPED = Map.of(
      "connection", "x-amzn-Remapped-Connection",
      "content-length", "x-amzn-Remapped-Content-Length",
      "date", "x-amzn-Remapped-Date",
      "server", "x-amzn-Remapped-Server");

  private ResponseHeaders() {}

  static Headers of(ProxyResponse response) throws MalformedProxyResponseException {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (ProxyResponse.MultiHeader header : response.multiValueHeaders()) {
      group(groups, header.name()).values.addAll(header.values());
    }
    for (ProxyResponse.Header header : response.headers()) {
      Group group = group(groups, header.name());
      if (!group.values.contains(header.value())) {
        group.values.add(header.value());
      }
    }
    Headers headers = new Headers(groups.size() + 4);
    for (Map.Entry<String, Group> entry : groups.entrySet()) {
      String key = entry.getKey();
      Group group = entry.getValue();
      if (key.equals("transfer-encoding")) {
        continue;
      }
      String name = REMAPPED.getOrDefault(key, group.name);
      for (String value : group.values) {
        checkValue(group.name, value);
        headers.add(name, value);
      }
    }
    if (!groups.containsKey("content-type")) {
      headers.add("Content-Type", "application/json");
    }
    return headers;
  }

  private static Group group(Map<String, Group> groups, String name) throws MalformedProxyResponseException {
    checkName(name);
    return groups.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Group(name));
  }

  /** A name must be an HTTP token, or it could not be written (or would split the response). */
  private static void checkName(String name) throws MalformedProxyResponseException {
    if (name.isEmpty()) {
      throw new MalformedProxyResponseException("empty header name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        throw new MalformedProxyResponseException("invalid header name '" + name + "'");
      }
    }
  }

  private static void checkValue(String name, String value) throws MalformedProxyResponseException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new MalformedProxyResponseException("control character in the value of header " + name);
      }
    }
  }

  private static final class Group {
    final String name;
    final List<String> values = new ArrayList<>(2);

    Group(String name) {
      this.name = name;
    }
  }
}
