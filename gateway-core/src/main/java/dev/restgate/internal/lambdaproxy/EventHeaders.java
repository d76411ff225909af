package dev.restgate.internal.lambdaproxy;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.Headers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request headers as a regional endpoint hands them to a function: grouped by name (ignoring case, first
 * spelling kept), {@code Authorization} and {@code User-Agent} title-cased as AWS does, hop-by-hop and framing
 * headers removed, and the {@code X-Amzn-Trace-Id} and {@code X-Forwarded-*} headers of the gateway added.
 */
final class EventHeaders {
  /** Never forwarded to an integration (reference §1.5); the forwarding headers are replaced below. */
  private static final Set<String> OMITTED = Set.of("connection", "content-length", "content-md5", "expect",
      "max-forwards", "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade",
      "www-authenticate", "x-amzn-trace-id", "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto");

  private final Map<String, Group> groups;

  private EventHeaders(Map<String, Group> groups) {
    this.groups = groups;
  }

  static EventHeaders of(GatewayRequest request, String sourceIp, String traceId) {
    Headers headers = request.headers();
    Map<String, Group> groups = new LinkedHashMap<>(headers.size() + 8);
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String key = name.toLowerCase(Locale.ROOT);
      if (!OMITTED.contains(key)) {
        groups.computeIfAbsent(key, k -> new Group(eventName(name, k))).values.add(headers.value(i));
      }
    }
    put(groups, "X-Amzn-Trace-Id", traceId);
    put(groups, "X-Forwarded-For", forwardedFor(headers.all("X-Forwarded-For"), sourceIp));
    put(groups, "X-Forwarded-Port", Integer.toString(request.localPort()));
    put(groups, "X-Forwarded-Proto", request.scheme());
    return new EventHeaders(groups);
  }

  /** {@code headers}: one value per name, the last one sent. */
  void writeSingleValued(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("headers");
    for (Group group : groups.values()) {
      g.writeStringField(group.name, group.values.get(group.values.size() - 1));
    }
    g.writeEndObject();
  }

  /** {@code multiValueHeaders}: every value in the order sent. */
  void writeMultiValued(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("multiValueHeaders");
    for (Group group : groups.values()) {
      g.writeArrayFieldStart(group.name);
      for (String value : group.values) {
        g.writeString(value);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static String eventName(String sent, String lowerCase) {
    return switch (lowerCase) {
      case "authorization" -> "Authorization";
      case "user-agent" -> "User-Agent";
      default -> sent;
    };
  }

  /** The client's chain (every field, in order) with the client's address appended, as a proxy does. */
  private static String forwardedFor(List<String> sent, String sourceIp) {
    if (sent.isEmpty()) {
      return sourceIp;
    }
    String chain = String.join(", ", sent);
    return sourceIp == null ? chain : chain + ", " + sourceIp;
  }

  private static void put(Map<String, Group> groups, String name, String value) {
    if (value != null) {
      Group group = new Group(name);
      group.values.add(value);
      groups.put(name.toLowerCase(Locale.ROOT), group);
    }
  }

  private static final class Group {
    final String name;
    final List<String> values = new ArrayList<>(1);

    Group(String name) {
      this.name = name;
    }
  }
}
