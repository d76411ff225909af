package dev.restgate.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.http.Body;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies of unknown length are cached once they were sent whole, and only when they fit. */
class CachingBodyTest {
  private final List<byte[]> stored = new ArrayList<>();

  private CachingBody streamed(int bytes) {
    return new CachingBody(Body.stream(new ByteArrayInputStream(new byte[bytes]), -1), stored::add);
  }

  @Test
  void aBodySentWholeIsStoredOnce() throws IOException {
    CachingBody body = streamed(70_000);
    ByteArrayOutputStream client = new ByteArrayOutputStream();

    body.writeTo(client);

    assertThat(client.size()).isEqualTo(70_000);
    assertThat(stored).singleElement().satisfies(bytes -> assertThat(bytes).hasSize(70_000));
  }

  @Test
  void aBodyOverTheLimitReachesTheClientButNotTheCache() throws IOException {
    CachingBody body = streamed(CachedResponse.MAX_BODY + 1);
    ByteArrayOutputStream client = new ByteArrayOutputStream();

    body.writeTo(client);

    assertThat(client.size()).isEqualTo(CachedResponse.MAX_BODY + 1);
    assertThat(stored).isEmpty();
  }

  @Test
  void aBodyTheClientDidNotTakeWholeIsNotStored() {
    CachingBody body = streamed(200_000);
    OutputStream gone = new OutputStream() {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (++written > 100_000) {
          throw new IOException("connection reset");
        }
      }
    };

    assertThatThrownBy(() -> body.writeTo(gone)).hasMessage("connection reset");
    assertThat(stored).isEmpty();
  }
}
