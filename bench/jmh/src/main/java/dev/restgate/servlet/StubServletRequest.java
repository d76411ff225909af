package dev.restgate.servlet;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet request answering exactly what {@link ServletRequests#adapt} asks, from plain fields, so the time measured
 * is the adapter's, not a container's; any other call fails, so the benchmark notices when the adapter starts asking
 * for more. Headers are looked up by the names {@link #getHeaderNames} hands out (a container also ignores case).
 */
final class StubServletRequest extends HttpServletRequestWrapper {
  private final String method;
  private final String uri;
  private final String query;
  private final Map<String, List<String>> valuesByName = new LinkedHashMap<>();

  StubServletRequest(String method, String uri, String query, String[][] headers) {
    super((HttpServletRequest) Proxy.newProxyInstance(StubServletRequest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> {
          throw new UnsupportedOperationException("the stub does not implement " + called.getName());
        }));
    this.method = method;
    this.uri = uri;
    this.query = query;
    for (String[] field : headers) {
      valuesByName.computeIfAbsent(field[0], k -> new ArrayList<>(1)).add(field[1]);
    }
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getRequestURI() {
    return uri;
  }

  @Override
  public String getContextPath() {
    return "";
  }

  @Override
  public String getQueryString() {
    return query;
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    return Collections.enumeration(valuesByName.keySet());
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return Collections.enumeration(valuesByName.getOrDefault(name, List.of()));
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public String getScheme() {
    return "https";
  }

  @Override
  public String getRemoteAddr() {
    return "203.0.113.7";
  }

  @Override
  public int getLocalPort() {
    return 443;
  }

  @Override
  public ServletInputStream getInputStream() {
    throw new UnsupportedOperationException("adapting a request must not open its body");
  }
}
