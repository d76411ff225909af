package dev.restgate.lambda.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class InvocationLogTest {
  private final InvocationLog log = new InvocationLog(LoggerFactory.getLogger("lambda.test"));

  @Test
  void eachEntryIsOneLineAndLevelsArePrefixedAsInTheTextFormat() {
    log.log("plain");
    log.log("warned", LogLevel.WARN);
    log.log("bytes\n".getBytes(StandardCharsets.UTF_8));
    log.log((String) null);

    assertThat(text(log.tail())).isEqualTo("plain\n[WARN] warned\nbytes\nnull\n");
  }

  @Test
  void tailKeepsTheLastFourKilobytesWhateverTheEntrySizes() {
    for (int i = 0; i < 2000; i++) {
      log.log("entry " + i);
    }
    assertThat(log.tail()).hasSize(InvocationLog.TAIL_BYTES);
    assertThat(text(log.tail())).endsWith("entry 1999\n");

    log.log("y".repeat(5000));
    assertThat(log.tail()).hasSize(InvocationLog.TAIL_BYTES);
    assertThat(text(log.tail())).isEqualTo("y".repeat(InvocationLog.TAIL_BYTES - 1) + "\n");

    log.log("after");
    assertThat(text(log.tail())).endsWith("yyy\nafter\n").hasSize(InvocationLog.TAIL_BYTES);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
