package dev.restgate.http;

import java.io.IOException;
import java.io.OutputStream;

/** A body that tells what of it is sent, and runs an action once after it is closed (see {@link Body#observed}). */
final class ObservedBody implements Body {
  private final Body body;
  private final Body.Sent sent;
  private final Runnable closed;
  private boolean done;

  ObservedBody(Body body, Body.Sent sent, Runnable closed) {
    this.body = body;
    this.sent = sent;
    this.closed = closed;
  }

  @Override
  public long length() {
    return body.length();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    if (sent == null) {
      body.writeTo(out);
      return;
    }
    body.writeTo(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sent.accept(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    });
  }

  @Override
  public byte[] bytes() throws IOException {
    byte[] bytes = body.bytes();
    if (sent != null) {
      sent.accept(bytes, 0, bytes.length);
    }
    return bytes;
  }

  @Override
  public void close() {
    try {
      body.close();
    } finally {
      if (!done) {
        done = true;
        closed.run();
      }
    }
  }
}
