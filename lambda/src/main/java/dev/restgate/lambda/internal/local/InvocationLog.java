package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The log of one invocation, as AWS would send it to CloudWatch: each entry goes to the function's slf4j logger at
 * once (and to a copy, if given), and the last {@link #TAIL_BYTES} bytes are kept for {@code X-Amz-Log-Result}.
 * Thread-safe, since a handler may log from threads of its own.
 */
public final class InvocationLog implements LambdaLogger {
  /** How much of the log {@code X-Amz-Log-Type: Tail} returns. */
  static final int TAIL_BYTES = 4 * 1024;
  private static final int COMPACT_AT = 4 * TAIL_BYTES;

  private final Logger logger;
  private final Consumer<String> copy;
  private byte[] kept = new byte[1024];
  private int size;

  public InvocationLog(Logger logger) {
    this(logger, entry -> {});
  }

  /** @param copy where each entry also goes, after the logger (a function's log file) */
  public InvocationLog(Logger logger, Consumer<String> copy) {
    this.logger = logger;
    this.copy = copy;
  }

  @Override
  public void log(String message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(byte[] message) {
    log(message, LogLevel.UNDEFINED);
  }

  /** As the Java runtime's text format does: {@code [LEVEL] message}, the bare message when the level is undefined. */
  @Override
  public void log(String message, LogLevel level) {
    String text = String.valueOf(message);
    write(level == null || level == LogLevel.UNDEFINED ? text : "[" + level + "] " + text, level);
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    write(message == null ? "null" : new String(message, StandardCharsets.UTF_8), level);
  }

  /** A line of the runtime's own (START, END, REPORT). */
  public void runtime(String line) {
    write(line, LogLevel.INFO);
  }

  /** An error the runtime reports: an unhandled exception, a timeout. */
  public void error(String text) {
    write(text, LogLevel.ERROR);
  }

  /** The last {@link #TAIL_BYTES} bytes written, cut at a byte boundary as AWS cuts them. */
  public synchronized byte[] tail() {
    return Arrays.copyOfRange(kept, Math.max(0, size - TAIL_BYTES), size);
  }

  private void write(String text, LogLevel level) {
    String entry = text.endsWith("\n") ? text : text + "\n";
    append(entry.getBytes(StandardCharsets.UTF_8));
    String line = entry.substring(0, entry.length() - 1);
    switch (level == null ? LogLevel.UNDEFINED : level) {
      case TRACE -> logger.trace(line);
      case DEBUG -> logger.debug(line);
      case WARN -> logger.warn(line);
      case ERROR, FATAL -> logger.error(line);
      default -> logger.info(line);
    }
    copy.accept(line);
  }

  private synchronized void append(byte[] bytes) {
    if (bytes.length >= TAIL_BYTES) {
      kept = Arrays.copyOfRange(bytes, bytes.length - TAIL_BYTES, bytes.length);
      size = kept.length;
      return;
    }
    if (size + bytes.length > COMPACT_AT) {
      int keep = TAIL_BYTES - bytes.length;
      System.arraycopy(kept, size - keep, kept, 0, keep);
      size = keep;
    }
    if (size + bytes.length > kept.length) {
      kept = Arrays.copyOf(kept, Math.min(COMPACT_AT, Math.max(kept.length * 2, size + bytes.length)));
    }
    System.arraycopy(bytes, 0, kept, size, bytes.length);
    size += bytes.length;
  }
}
