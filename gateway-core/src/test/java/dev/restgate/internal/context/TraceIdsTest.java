package dev.restgate.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

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
}
