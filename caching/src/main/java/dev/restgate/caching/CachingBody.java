package dev.restgate.caching;

import dev.restgate.http.Body;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A response body of unknown length that hands a copy of itself to the cache once it has been sent whole, without
 * holding the client back: bytes go to the client as they come, and a copy is kept only up to the largest body the
 * cache takes. A body that was not sent whole (the client went away, it was too large) is not cached.
 */
final class CachingBody implements Body {
  private final Body body;
  private final Consumer<byte[]> store;
  private boolean stored;

  CachingBody(Body body, Consumer<byte[]> store) {
    this.body = body;
    this.store = store;
  }

  @Override
  public long length() {
    return body.length();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    Copy copy = new Copy(out);
    body.writeTo(copy);
    if (copy.kept != null) {
      store(copy.kept.toByteArray());
    }
  }

  @Override
  public byte[] bytes() throws IOException {
    byte[] bytes = body.bytes();
    if (bytes.length <= CachedResponse.MAX_BODY) {
      store(bytes);
    }
    return bytes;
  }

  private void store(byte[] bytes) {
    if (!stored) {
      stored = true;
      store.accept(bytes);
    }
  }

  @Override
  public void close() {
    body.close();
  }

  /** Writes through to the client and keeps a copy while it fits. */
  private static final class Copy extends OutputStream {
    private final OutputStream out;
    private ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Copy(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      if (kept != null && fits(1)) {
        kept.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      if (kept != null && fits(len)) {
        kept.write(b, off, len);
      }
    }

    private boolean fits(int more) {
      if (kept.size() + (long) more > CachedResponse.MAX_BODY) {
        kept = null;
        return false;
      }
      return true;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
