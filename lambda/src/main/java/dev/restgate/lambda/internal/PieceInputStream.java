package dev.restgate.lambda.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream over pieces (byte arrays) that arrive one at a time, as a function's streamed answer arrives:
 * subclasses say where the next piece comes from. One reader thread.
 */
public abstract class PieceInputStream extends InputStream {
  private byte[] piece;
  private int position;
  private boolean done;

  /**
   * The next piece, waiting for it; null at the end of the stream.
   *
   * @throws IOException when the stream broke (the function failed, the call failed, the reader was interrupted)
   */
  protected abstract byte[] nextPiece() throws IOException;

  /** Ends the stream for the reader: further reads return -1. */
  protected final void finish() {
    done = true;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (piece == null || position == piece.length) {
      if (done) {
        return -1;
      }
      byte[] next;
      try {
        next = nextPiece();
      } catch (IOException e) {
        done = true;
        throw e;
      }
      if (next == null) {
        done = true;
        return -1;
      }
      piece = next;
      position = 0;
    }
    int n = Math.min(len, piece.length - position);
    System.arraycopy(piece, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return piece == null ? 0 : piece.length - position;
  }
}
