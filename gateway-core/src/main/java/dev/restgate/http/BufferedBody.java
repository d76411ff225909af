package dev.restgate.http;

import java.io.IOException;
import java.io.OutputStream;

final class BufferedBody implements Body {
  static final BufferedBody EMPTY = new BufferedBody(new byte[0]);

  private final byte[] bytes;

  BufferedBody(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  @Override
  public byte[] bytes() {
    return bytes;
  }
}
