package dev.restgate.lambda.internal.local;

import dev.restgate.lambda.internal.PieceInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The answer of an invocation that streams, from the function's writes ({@link #sink()}) to the caller's reads
 * ({@link #source()}): a bounded hand-off of the pieces the function writes, so that a function writing faster than
 * its client reads waits for it. Once the caller closes its end (the client went away), further writes are dropped,
 * and the function runs on to its end as it does on AWS. One writer thread and one reader thread at a time.
 */
public final class ResponsePipe {
  /** Pieces in flight before the writer waits. */
  private static final int CAPACITY = 64;
  private static final Object END = new Object();

  private final BlockingQueue<Object> pieces = new ArrayBlockingQueue<>(CAPACITY);
  private final Source source = new Source();
  private final Sink sink = new Sink();
  private volatile boolean readerGone;
  private volatile boolean ended;

  /** What the function writes; closing it ends the stream. */
  public OutputStream sink() {
    return sink;
  }

  /** What the caller reads; it ends when the function's stream ends, or fails when the function fails. */
  public InputStream source() {
    return source;
  }

  /** Ends the stream with an error: the reader's next read past what it already has fails with {@code cause}. */
  public void fail(IOException cause) {
    offer(cause);
  }

  private void offer(Object piece) {
    if (ended) {
      return;
    }
    if (piece == END || piece instanceof IOException) {
      ended = true;
    }
    try {
      while (!readerGone && !pieces.offer(piece, 100, TimeUnit.MILLISECONDS)) {
        // The reader is slow: wait for room, and stop waiting once it is gone.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Sink extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > 0 && !readerGone) {
        offer(Arrays.copyOfRange(b, off, off + len));
      }
    }

    @Override
    public void close() {
      offer(END);
    }
  }

  private final class Source extends PieceInputStream {
    @Override
    protected byte[] nextPiece() throws IOException {
      Object next;
      try {
        next = pieces.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the function's response stream");
      }
      if (next instanceof IOException failure) {
        throw new IOException(failure.getMessage(), failure);
      }
      return next == END ? null : (byte[]) next;
    }

    @Override
    public void close() {
      readerGone = true;
      finish();
      pieces.clear();
    }
  }
}
