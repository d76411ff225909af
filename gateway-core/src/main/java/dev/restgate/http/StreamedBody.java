package dev.restgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

final class StreamedBody implements Body {
  private static final int MAX_BUFFER = 16 * 1024;
  private final InputStream in;
  private final long length;
  private final boolean flushEachRead;

  StreamedBody(InputStream in, long length, boolean flushEachRead) {
    this.in = in;
    this.length = length;
    this.flushEachRead = flushEachRead;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (in) {
      // transferTo would allocate a 16 KB buffer per response; most proxied bodies are far smaller.
      byte[] buffer = new byte[length >= 0 && length < MAX_BUFFER ? Math.max(1, (int) length) : MAX_BUFFER];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (flushEachRead) {
          out.flush();
        }
      }
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
