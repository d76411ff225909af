package dev.restgate.lambda.internal.sdk;

import dev.restgate.lambda.internal.PieceInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/**
 * One {@code InvokeWithResponseStream} call, from the SDK's event stream to a reader's {@link InputStream}: the
 * SDK's threads hand over {@code PayloadChunk}s, the reader takes them as it reads. The hand-off is bounded by
 * demand, never by blocking the SDK's threads: at most {@link #CHUNKS_IN_FLIGHT} chunks are requested ahead of the
 * reader, and each chunk the reader takes requests one more. Closing the stream cancels the call.
 *
 * <p>One SDK call and one reader thread.
 */
final class ResponseStreamHandoff implements InvokeWithResponseStreamResponseHandler {
  /** Chunks requested before the reader has taken any. */
  static final int CHUNKS_IN_FLIGHT = 16;
  private static final Object END = new Object();

  /** Chunks ({@code byte[]}), the completion event, failures ({@code Throwable}) and {@link #END}, in order. */
  private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
  private final Payload payload = new Payload();
  private volatile Subscription subscription;
  private volatile String executedVersion;
  private volatile CompletableFuture<Void> call;
  private volatile boolean closed;

  /** The call this hand-off serves, cancelled when the reader closes the stream. */
  void attach(CompletableFuture<Void> call) {
    this.call = call;
    if (closed) {
      call.cancel(true);
    }
  }

  /**
   * Waits for the first thing the function answers: a chunk, the completion event (an error before any byte, or an
   * empty answer), or a failure of the call.
   *
   * @return the first item: a {@code byte[]}, an {@link InvokeWithResponseStreamCompleteEvent}, or {@link #END}
   * @throws Throwable what failed the call (unwrapped from the SDK's completion wrappers), or null on the deadline
   */
  Object first(long timeoutMillis) throws Throwable {
    Object first = items.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    if (first instanceof Throwable failure) {
      throw failure;
    }
    return first;
  }

  /** The version that ran, from {@code X-Amz-Executed-Version}; known once {@link #first} returned. */
  String executedVersion() {
    return executedVersion;
  }

  /**
   * The payload, starting with {@code first} as {@link #first} returned it: a chunk, or the end of an empty answer.
   */
  InputStream payload(Object first) {
    if (first instanceof byte[] chunk) {
      payload.first = chunk;
      subscription.request(1);
    } else {
      payload.empty();
    }
    return payload;
  }

  /** Gives up the call: it is cancelled and what arrives later is dropped. */
  void cancel() {
    payload.close();
  }

  @Override
  public void responseReceived(InvokeWithResponseStreamResponse response) {
    executedVersion = response.executedVersion();
  }

  @Override
  public void onEventStream(SdkPublisher<InvokeWithResponseStreamResponseEvent> events) {
    events.subscribe(new Subscriber<>() {
      @Override
      public void onSubscribe(Subscription s) {
        subscription = s;
        if (closed) {
          s.cancel();
        } else {
          s.request(CHUNKS_IN_FLIGHT);
        }
      }

      @Override
      public void onNext(InvokeWithResponseStreamResponseEvent event) {
        if (event instanceof InvokeResponseStreamUpdate chunk && chunk.payload() != null
            && chunk.payload().asByteArrayUnsafe().length > 0) {
          offer(chunk.payload().asByteArrayUnsafe());
        } else if (event instanceof InvokeWithResponseStreamCompleteEvent complete) {
          offer(complete);
        } else {
          subscription.request(1);
        }
      }

      @Override
      public void onError(Throwable t) {
        offer(unwrap(t));
      }

      @Override
      public void onComplete() {
        offer(END);
      }
    });
  }

  @Override
  public void exceptionOccurred(Throwable error) {
    offer(unwrap(error));
  }

  @Override
  public void complete() {
    offer(END);
  }

  private void offer(Object item) {
    if (!closed) {
      items.add(item);
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private final class Payload extends PieceInputStream {
    /** The first chunk, handed over by {@link #payload(Object)}; null once read. */
    private byte[] first;

    /** The answer has no body. */
    void empty() {
      finish();
    }

    @Override
    protected byte[] nextPiece() throws IOException {
      if (first != null) {
        byte[] chunk = first;
        first = null;
        return chunk;
      }
      if (closed) {
        return null;
      }
      Object next;
      try {
        next = items.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the function's response stream");
      }
      if (next instanceof byte[] chunk) {
        subscription.request(1);
        return chunk;
      }
      if (next instanceof InvokeWithResponseStreamCompleteEvent complete && complete.errorCode() != null) {
        throw new IOException("the function failed after it began to answer: " + complete.errorCode()
            + (complete.errorDetails() == null ? "" : ": " + complete.errorDetails()));
      }
      if (next instanceof Throwable failure) {
        throw new IOException("the function's response stream broke: " + failure.getMessage(), failure);
      }
      return null;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      finish();
      items.clear();
      Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      CompletableFuture<Void> c = call;
      if (c != null) {
        c.cancel(true);
      }
    }
  }
}
