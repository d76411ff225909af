package dev.restgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body. Buffered bodies can be written any number of times; a streamed body ({@link #stream}) is written
 * at most once and must be {@link #close() closed} when it is not written (the writer closes it after writing).
 */
public interface Body extends AutoCloseable {

  /** The length in bytes, or -1 when unknown before the body has been written. */
  long length();

  /** Writes the body to {@code out}. */
  void writeTo(OutputStream out) throws IOException;

  /** The whole body, read into memory if it is streamed. */
  byte[] bytes() throws IOException;

  /** Releases what a streamed body holds; a no-op for buffered bodies. */
  @Override
  default void close() {}

  static Body empty() {
    return BufferedBody.EMPTY;
  }

  static Body of(byte[] bytes) {
    return bytes.length == 0 ? BufferedBody.EMPTY : new BufferedBody(bytes);
  }

  static Body of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A body read from {@code in} while it is written.
   *
   * @param length the length if known, else -1
   */
  static Body stream(InputStream in, long length) {
    return new StreamedBody(in, length, false);
  }

  /**
   * A body of unknown length that reaches the client as it arrives: whatever one read of {@code in} returns is
   * flushed to the client before the next read, so that a slow producer's first bytes are not held back in buffers.
   */
  static Body live(InputStream in) {
    return new StreamedBody(in, -1, true);
  }

  /**
   * {@code body}, telling {@code sent} every piece of it written to the client (or the whole, when it is read with
   * {@link #bytes()}), and running {@code closed} once, after it has been closed, which ends the request: for what
   * reports on a response once it has been sent (logs, metrics). Flushes pass through, so a streamed body still
   * reaches the client as it comes.
   *
   * @param sent told each piece as it is written, on the writing thread; null when only the end matters
   */
  static Body observed(Body body, Sent sent, Runnable closed) {
    return new ObservedBody(body, sent, closed);
  }

  /** What {@link #observed} tells of each piece of a body that is sent. */
  @FunctionalInterface
  interface Sent {
    void accept(byte[] bytes, int offset, int length);
  }
}
