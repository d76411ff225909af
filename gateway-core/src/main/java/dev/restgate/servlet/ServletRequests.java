package dev.restgate.servlet;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.Headers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;

/** Adapts a servlet request once. Never calls {@code getParameter*()}: that would consume form bodies. */
final class ServletRequests {
  private ServletRequests() {}

  static GatewayRequest adapt(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String contextPath = request.getContextPath();
    String mountPath = contextPath.isEmpty() || !uri.startsWith(contextPath) ? "" : contextPath;
    String rawPath = uri.substring(mountPath.length());
    if (rawPath.isEmpty()) {
      rawPath = "/";
    }
    Headers headers = new Headers();
    Enumeration<String> names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values.hasMoreElements()) {
        headers.add(name, values.nextElement());
      }
    }
    return new GatewayRequest(request.getMethod(), mountPath, rawPath, request.getQueryString(), headers,
        request.getProtocol(), request.getScheme(), request.getRemoteAddr(), request.getLocalPort(),
        new LazyBody(request));
  }

  /** Opens the servlet input stream on first read, so requests without a body never touch it. */
  private static final class LazyBody extends InputStream {
    private final HttpServletRequest request;
    private InputStream in;

    LazyBody(HttpServletRequest request) {
      this.request = request;
    }

    private InputStream in() {
      if (in == null) {
        try {
          in = request.getInputStream();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return in;
    }

    @Override
    public int read() throws IOException {
      return in().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in().read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }
}
