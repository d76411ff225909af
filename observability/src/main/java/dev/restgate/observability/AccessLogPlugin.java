package dev.restgate.observability;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Writes one access log line per request once its response has been sent (so the line has the bytes sent and the
 * whole latency), whatever the outcome: an answer of the integration, a cache hit, or a gateway error of any later
 * phase, as the client got it. Runs in the {@code EDGE} phase.
 */
final class AccessLogPlugin implements Plugin {
  private final AccessLogFormat format;
  private final LogDestination destination;
  private final LogDestination canaryDestination;
  private final AccessLogWriter writer;

  AccessLogPlugin(AccessLogFormat format, LogDestination destination, LogDestination canaryDestination,
      AccessLogWriter writer) {
    this.format = format;
    this.destination = destination;
    this.canaryDestination = canaryDestination;
    this.writer = writer;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    long started = System.nanoTime();
    GatewayResponse response = next.handle(exchange);
    LogDestination target = Boolean.TRUE.equals(exchange.route().canary()) ? canaryDestination : destination;
    int status = response.status();
    return new GatewayResponse(status, response.headers(), new LoggedBody(response.body(), sent -> writer.write(
        target, format.render(exchange, new AccessLogFormat.Outcome(status, sent,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))))));
  }

  /** Counts what is sent of a body and reports the count once, when the body is closed (the request's end). */
  private static final class LoggedBody implements Body {
    private final Body body;
    private final LongConsumer done;
    private long sent;
    private boolean reported;

    LoggedBody(Body body, LongConsumer done) {
      this.body = body;
      this.done = done;
    }

    @Override
    public long length() {
      return body.length();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      body.writeTo(new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          out.write(b);
          sent++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          sent += len;
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
      sent = bytes.length;
      return bytes;
    }

    @Override
    public void close() {
      try {
        body.close();
      } finally {
        if (!reported) {
          reported = true;
          done.accept(sent);
        }
      }
    }
  }
}
