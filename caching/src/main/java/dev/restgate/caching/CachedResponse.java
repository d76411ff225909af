package dev.restgate.caching;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A method response as the cache keeps it: status, header fields in order, body. Immutable; the arrays are never
 * handed out.
 */
final class CachedResponse {
  /** The largest body AWS caches: 1,048,576 bytes. */
  static final int MAX_BODY = 1_048_576;
  private static final int FORMAT = 1;
  /** What an entry costs besides its header text and body: object headers, the key, the map's node. */
  private static final int OVERHEAD = 256;

  private final int status;
  private final String[] headers;
  private final byte[] body;

  private CachedResponse(int status, String[] headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** The status and header fields of {@code response} with {@code body}, its body's bytes. */
  static CachedResponse of(GatewayResponse response, byte[] body) {
    Headers fields = response.headers();
    String[] headers = new String[fields.size() * 2];
    for (int i = 0; i < fields.size(); i++) {
      headers[2 * i] = fields.name(i);
      headers[2 * i + 1] = fields.value(i);
    }
    return new CachedResponse(response.status(), headers, body.clone());
  }

  /** A new response to send; its headers may be changed without touching the entry. */
  GatewayResponse toResponse() {
    Headers fields = new Headers(headers.length / 2 + 2);
    for (int i = 0; i < headers.length; i += 2) {
      fields.add(headers[i], headers[i + 1]);
    }
    return new GatewayResponse(status, fields, Body.of(body));
  }

  /** The bytes this entry occupies in memory, roughly. */
  int weight() {
    long chars = 0;
    for (String text : headers) {
      chars += text.length();
    }
    return (int) Math.min(Integer.MAX_VALUE, OVERHEAD + 2 * chars + body.length);
  }

  /** This entry as bytes, for a store outside the process. */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64 * headers.length + 16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeShort(status);
      out.writeInt(headers.length / 2);
      for (String text : headers) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      out.writeInt(body.length);
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an entry {@link #encode} wrote.
   *
   * @throws IOException when the bytes are not an entry of this format
   */
  static CachedResponse decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IOException("cache entry format " + format + " is not " + FORMAT);
      }
      int status = in.readUnsignedShort();
      int fields = in.readInt();
      if (fields < 0 || fields > bytes.length) {
        throw new IOException("cache entry claims " + fields + " header fields");
      }
      String[] headers = new String[fields * 2];
      for (int i = 0; i < headers.length; i++) {
        headers[i] = new String(read(in, bytes.length), StandardCharsets.UTF_8);
      }
      return new CachedResponse(status, headers, read(in, bytes.length));
    }
  }

  /** A length, then that many bytes. */
  private static byte[] read(DataInputStream in, int available) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > available) {
      throw new IOException("cache entry claims a field of " + length + " bytes");
    }
    byte[] field = in.readNBytes(length);
    if (field.length != length) {
      throw new IOException("cache entry is cut short");
    }
    return field;
  }
}
