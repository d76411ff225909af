package dev.restgate.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.spi.Exchange;
import dev.restgate.testing.TestExchanges;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

  @Test
  void traceIdCarriesTheEpochSecondsAnd96RandomBits() {
    String traceId = TraceIds.newTraceId(Instant.parse("2015-04-09T12:34:56.789Z"), new SplittableRandom(7));

    assertThat(traceId).matches("Root=1-552671f0-[0-9a-f]{24}");
  }

  @Test
  void traceIdsDifferFromRequestToRequest() {
    SplittableRandom random = new SplittableRandom(7);
    Instant now = Instant.parse("2015-04-09T12:34:56Z");

    assertThat(TraceIds.newTraceId(now, random)).isNotEqualTo(TraceIds.newTraceId(now, random));
  }

  @Test
  void aTracedRequestsIdIsItsW3cTraceIdInXRaysForm() {
    Exchange exchange = TestExchanges.request().build();
    exchange.traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03");

    assertThat(TraceIds.of(exchange))
        .isEqualTo("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1");
    exchange.traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    assertThat(TraceIds.of(exchange)).endsWith(";Sampled=0");
  }

  @Test
  void anUntracedRequestGetsANewId() {
    assertThat(TraceIds.of(TestExchanges.request().build())).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
  }

  @Test
  void theSlotTakesOnlyATraceparent() {
    Exchange exchange = TestExchanges.request().build();

    assertThatThrownBy(() -> exchange.traceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> exchange.traceparent("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736"))
        .isInstanceOf(IllegalArgumentException.class);
    exchange.traceparent(null);
    assertThat(exchange.traceparent()).isNull();
  }
}
