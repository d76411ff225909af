package dev.restgate.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The inbound request as the gateway sees it, adapted once from the container's request. The path is raw (not
 * percent-decoded) and relative to where the gateway is mounted; the query string is parsed here, never by the
 * container, so a form body is not consumed behind the gateway's back.
 *
 * <p>The body is read lazily: {@link #bodyStream()} hands out the stream once for streaming integrations, while
 * {@link #bodyBytes()} buffers it (up to {@link #MAX_PAYLOAD_BYTES}) for integrations that need it whole. Not
 * thread-safe: a request belongs to one exchange.
 */
public final class GatewayRequest {
  /** The AWS payload limit: 10 MB. */
  public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

  private final String method;
  private final String mountPath;
  private final String rawPath;
  private final String rawQuery;
  private final Headers headers;
  private final String protocol;
  private final String scheme;
  private final String sourceIp;
  private final int localPort;
  private final InputStream bodySource;
  private Map<String, List<String>> query;
  private byte[] body;
  private boolean streamTaken;

  /**
   * @param rawPath the path below the mount point, starting with {@code /}, not decoded
   * @param rawQuery the query string without {@code ?}, or null
   * @param bodySource the request body; read at most once
   */
  public GatewayRequest(String method, String rawPath, String rawQuery, Headers headers, String protocol,
      String scheme, String sourceIp, int localPort, InputStream bodySource) {
    this(method, "", rawPath, rawQuery, headers, protocol, scheme, sourceIp, localPort, bodySource);
  }

  /**
   * A request to a gateway mounted below a path (a servlet context path).
   *
   * @param mountPath where the gateway is mounted, raw: empty, or {@code /name} without a trailing slash
   */
  public GatewayRequest(String method, String mountPath, String rawPath, String rawQuery, Headers headers,
      String protocol, String scheme, String sourceIp, int localPort, InputStream bodySource) {
    this.method = method;
    this.mountPath = mountPath;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.protocol = protocol;
    this.scheme = scheme;
    this.sourceIp = sourceIp;
    this.localPort = localPort;
    this.bodySource = bodySource == null ? InputStream.nullInputStream() : bodySource;
  }

  public String method() {
    return method;
  }

  /**
   * Where the gateway is mounted (the servlet context path, raw), empty at the root. Clients sign and address the
   * full path, {@code mountPath() + rawPath()}.
   */
  public String mountPath() {
    return mountPath;
  }

  public String rawPath() {
    return rawPath;
  }

  /** The raw query string, or null when the URL has none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** Query parameters, decoded, every value in order. */
  public Map<String, List<String>> query() {
    if (query == null) {
      query = QueryString.parse(rawQuery);
    }
    return query;
  }

  public Headers headers() {
    return headers;
  }

  /** {@code HTTP/1.1}, {@code HTTP/2.0}, ... */
  public String protocol() {
    return protocol;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return scheme;
  }

  public String sourceIp() {
    return sourceIp;
  }

  /** The port the request came in on. */
  public int localPort() {
    return localPort;
  }

  /** The {@code Host} header, or null. */
  public String host() {
    return headers.first("Host");
  }

  /**
   * The host the client called: the {@code Host} header without its port (an IPv6 literal keeps its brackets), as
   * sent; null when there is none.
   */
  public String hostName() {
    String host = host();
    if (host == null || host.isEmpty()) {
      return null;
    }
    if (host.charAt(0) == '[') {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /**
   * The whole body, read on first call. An empty array when there is none.
   *
   * @throws PayloadTooLargeException past {@link #MAX_PAYLOAD_BYTES}
   */
  public byte[] bodyBytes() throws IOException {
    if (body == null) {
      if (streamTaken) {
        throw new IllegalStateException("the body stream was already taken");
      }
      body = readBody();
    }
    return body;
  }

  private byte[] readBody() throws IOException {
    long declared = declaredLength();
    boolean framedByHttp1 = protocol != null && protocol.startsWith("HTTP/1") && !headers.contains("Transfer-Encoding");
    if (declared == 0 || (declared < 0 && framedByHttp1)) {
      // HTTP/1.x: no Content-Length and no chunking means no body (RFC 9112 §6.3).
      return new byte[0];
    }
    if (declared > MAX_PAYLOAD_BYTES) {
      throw new PayloadTooLargeException();
    }
    if (declared >= 0) {
      // The common case: read exactly what the client announced, no growing buffers.
      byte[] bytes = bodySource.readNBytes((int) declared);
      if (bytes.length < declared) {
        throw new EOFException("request body ended after " + bytes.length + " of " + declared + " bytes");
      }
      return bytes;
    }
    byte[] bytes = bodySource.readNBytes(MAX_PAYLOAD_BYTES + 1);
    if (bytes.length > MAX_PAYLOAD_BYTES) {
      throw new PayloadTooLargeException();
    }
    return bytes;
  }

  /** The {@code Content-Length} the client sent, or -1 when it sent none (or an unreadable one). */
  public long declaredLength() {
    String length = headers.first("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body as a stream, for passing it on without buffering; the buffered bytes if they were read already. */
  public InputStream bodyStream() {
    if (body != null) {
      return new java.io.ByteArrayInputStream(body);
    }
    if (streamTaken) {
      throw new IllegalStateException("the body stream was already taken");
    }
    streamTaken = true;
    return bodySource;
  }

  /** Whether the client announced a body ({@code Content-Length} above zero or chunked transfer). */
  public boolean hasBody() {
    if (body != null) {
      return body.length > 0;
    }
    long declared = declaredLength();
    if (declared >= 0) {
      return declared > 0;
    }
    return headers.contains("Transfer-Encoding");
  }
}
