package dev.restgate.internal.lambdaproxy;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.LambdaInvoker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a streamed Lambda answer ({@code responseTransferMode: STREAM}) into the client's response, as API Gateway
 * reads it: a JSON metadata prelude ({@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code
 * cookies}), eight {@code 0x00} bytes within the first 16 KB, then the body, relayed to the client as the function
 * writes it. The client's response begins only once the prelude is complete.
 *
 * <p>A function error before the first byte fails with {@code INTEGRATION_FAILURE} under 502, as a buffered proxy
 * response does; an answer without a valid prelude fails under 500 (AWS: the function ran, the client gets 500).
 * Header fields get the same treatment as in buffered responses ({@link ResponseHeaders}).
 *
 * <p>Built once per integration; thread-safe.
 */
public final class StreamedResponseReader {
  private static final Logger LOG = LoggerFactory.getLogger(StreamedResponseReader.class);
  /** How far into the payload the delimiter must be. */
  static final int MAX_PRELUDE_BYTES = 16 * 1024;
  private static final int DELIMITER_BYTES = 8;
  private static final String INTERNAL_SERVER_ERROR = "Internal server error";

  /**
   * The response for a streamed answer; it owns {@code streamed.payload()} from here on.
   *
   * @param traceId the {@code X-Amzn-Trace-Id} value the event carried
   * @throws GatewayException {@code INTEGRATION_FAILURE} when the function failed or its prelude is not valid
   */
  public GatewayResponse read(LambdaInvoker.Streamed streamed, String traceId) throws GatewayException {
    InputStream payload = streamed.payload();
    if (streamed.functionError() != null) {
      close(payload);
      LOG.debug("Lambda execution failed due to customer function error ({})", streamed.functionError());
      throw new GatewayException(GatewayResponseType.INTEGRATION_FAILURE, INTERNAL_SERVER_ERROR, 502);
    }
    byte[] head = new byte[MAX_PRELUDE_BYTES + DELIMITER_BYTES];
    int filled = 0;
    int delimiter = -1;
    try {
      while (delimiter < 0 && filled < head.length) {
        int n = payload.read(head, filled, head.length - filled);
        if (n < 0) {
          break;
        }
        int from = Math.max(0, filled - DELIMITER_BYTES + 1);
        filled += n;
        delimiter = delimiter(head, from, filled);
      }
    } catch (IOException e) {
      close(payload);
      LOG.warn("Execution failed: the Lambda response stream broke before its metadata was complete: {}",
          e.getMessage());
      throw new GatewayException(GatewayResponseType.INTEGRATION_FAILURE, INTERNAL_SERVER_ERROR, 502);
    }
    ProxyResponse metadata;
    Headers headers;
    try {
      if (delimiter < 0) {
        throw new MalformedProxyResponseException("no 8-byte 0x00 delimiter after the metadata within the first "
            + MAX_PRELUDE_BYTES + " bytes");
      }
      metadata = ProxyResponseParser.parsePrelude(head, delimiter);
      headers = ResponseHeaders.of(metadata);
    } catch (MalformedProxyResponseException e) {
      close(payload);
      LOG.warn("Execution failed due to configuration error: Malformed Lambda response stream: {}", e.getMessage());
      throw new GatewayException(GatewayResponseType.INTEGRATION_FAILURE, INTERNAL_SERVER_ERROR, 500);
    }
    headers.set("X-Amzn-Trace-Id", traceId);
    int bodyStart = delimiter + DELIMITER_BYTES;
    InputStream body = new SequenceInputStream(new ByteArrayInputStream(head, bodyStart, filled - bodyStart),
        payload);
    return new GatewayResponse(metadata.statusCode(), headers, Body.live(body));
  }

  /**
   * Where the first run of eight {@code 0x00} bytes in {@code bytes[from, end)} begins, or -1. Callers pass a
   * {@code from} seven bytes before the new data, so that a run split across two reads is found.
   */
  private static int delimiter(byte[] bytes, int from, int end) {
    int run = 0;
    for (int i = from; i < end; i++) {
      run = bytes[i] == 0 ? run + 1 : 0;
      if (run == DELIMITER_BYTES) {
        return i - DELIMITER_BYTES + 1;
      }
    }
    return -1;
  }

  private static void close(InputStream payload) {
    try {
      payload.close();
    } catch (IOException ignored) {
      // Abandoned either way.
    }
  }
}
