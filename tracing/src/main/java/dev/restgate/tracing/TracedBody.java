package dev.restgate.tracing;

import dev.restgate.http.Body;
import java.io.IOException;
import java.io.OutputStream;

/** Ends the request's server span once, when its body is closed: after the last byte, for a streamed body too. */
final class TracedBody implements Body {
  private final Body body;
  private final TracingPlugin.Timeline timeline;
  private boolean ended;

  TracedBody(Body body, TracingPlugin.Timeline timeline) {
    this.body = body;
    this.timeline = timeline;
  }

  @Override
  public long length() {
    return body.length();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    body.writeTo(out);
  }

  @Override
  public byte[] bytes() throws IOException {
    return body.bytes();
  }

  @Override
  public void close() {
    try {
      body.close();
    } finally {
      if (!ended) {
        ended = true;
        timeline.end();
      }
    }
  }
}
