package dev.restgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

final class StreamedBody implements Body {
  private final InputStream in;
  private final long length;

  StreamedBody(InputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (in) {
      in.transferTo(out);
    }
  }

  @Override
  public byte[] bytes() throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // Nothing to do: the stream is abandoned either way.
    }
  }
}
