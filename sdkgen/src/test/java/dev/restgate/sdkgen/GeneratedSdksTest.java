package dev.restgate.sdkgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The pool, the time limit and the cache around a generation (here a stand-in that records its calls). */
class GeneratedSdksTest {
  private static final byte[] DEFINITION = "{}".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> JAVA = Map.of("serviceName", "Pets", "javaPackageName", "com.pets");

  private final List<String> runs = new CopyOnWriteArrayList<>();

  @Test
  void equalKeysTypesAndParametersShareOneGeneration() throws Exception {
    try (GeneratedSdks sdks = new GeneratedSdks(recording(), Duration.ofMinutes(1), 1)) {
      Map<String, String> reordered = new LinkedHashMap<>();
      reordered.put("javaPackageName", "com.pets");
      reordered.put("serviceName", "Pets");

      byte[] first = sdks.generate("java", JAVA, "api/d1/prod", DEFINITION).get();
      byte[] again = sdks.generate("java", reordered, "api/d1/prod", DEFINITION).get();
      sdks.generate("java", JAVA, "api/d2/prod", DEFINITION).get();
      sdks.generate("javascript", Map.of(), "api/d1/prod", DEFINITION).get();

      assertThat(again).isEqualTo(first).asString(StandardCharsets.UTF_8).isEqualTo("java-sdk java okhttp-gson");
      assertThat(runs).containsExactly("java-sdk", "java-sdk", "javascript-sdk");
    }
  }

  @Test
  void callsForAResultBeingGeneratedJoinThatGeneration() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GeneratedSdks.Generation blocked = (folder, options, definition) -> {
      runs.add(folder);
      release.await();
      return new byte[] {7};
    };
    try (GeneratedSdks sdks = new GeneratedSdks(blocked, Duration.ofMinutes(1), 2)) {
      CompletableFuture<byte[]> first = sdks.generate("javascript", Map.of(), "k", DEFINITION);
      CompletableFuture<byte[]> second = sdks.generate("javascript", Map.of(), "k", DEFINITION);
      second.cancel(true);
      release.countDown();

      assertThat(first.get()).containsExactly(7);
      assertThat(sdks.generate("javascript", Map.of(), "k", DEFINITION).get()).containsExactly(7);
      assertThat(runs).containsExactly("javascript-sdk");
    }
  }

  @Test
  void wrongParametersFailBeforeAnyGeneration() {
    try (GeneratedSdks sdks = new GeneratedSdks(recording(), Duration.ofMinutes(1), 1)) {
      CompletableFuture<byte[]> sdk = sdks.generate("java", Map.of("serviceName", "Pets"), "k", DEFINITION);

      assertThatThrownBy(sdk::get).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Missing required parameters for SDK type java: javaPackageName");
      assertThat(runs).isEmpty();
    }
  }

  @Test
  void definitionsReferringToOtherDocumentsAreRefused() {
    try (GeneratedSdks sdks = new GeneratedSdks(recording(), Duration.ofMinutes(1), 1)) {
      byte[] external = """
          {"definitions": {"Pet": {"$ref": "#/definitions/Animal"}, "Animal": {"$ref": "http://example.com/a.json"}}}
          """.getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> sdks.generate("javascript", Map.of(), "k", external).get())
          .cause().isInstanceOf(IllegalArgumentException.class)
          .hasMessage("SDKs are generated from self-contained definitions only; this stage's definition refers to "
              + "http://example.com/a.json");
      assertThat(runs).isEmpty();
    }
  }

  @Test
  void failuresAreNotCached() throws Exception {
    List<String> attempts = new CopyOnWriteArrayList<>();
    GeneratedSdks.Generation failingOnce = (folder, options, definition) -> {
      attempts.add(folder);
      if (attempts.size() == 1) {
        throw new IllegalStateException("generator broke");
      }
      return new byte[] {1};
    };
    try (GeneratedSdks sdks = new GeneratedSdks(failingOnce, Duration.ofMinutes(1), 1)) {
      assertThatThrownBy(() -> sdks.generate("javascript", Map.of(), "k", DEFINITION).get())
          .cause().isInstanceOf(IllegalStateException.class).hasMessage("generator broke");

      assertThat(sdks.generate("javascript", Map.of(), "k", DEFINITION).get()).containsExactly(1);
      assertThat(attempts).hasSize(2);
    }
  }

  @Test
  void aGenerationOverTheTimeLimitIsCancelledAndFailsWithTimeout() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    GeneratedSdks.Generation endless = (folder, options, definition) -> {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return new byte[0];
    };
    try (GeneratedSdks sdks = new GeneratedSdks(endless, Duration.ofMillis(50), 1)) {
      assertThatThrownBy(() -> sdks.generate("javascript", Map.of(), "k", DEFINITION).get())
          .cause().isInstanceOf(TimeoutException.class);
      assertThat(interrupted.await(1, TimeUnit.MINUTES)).isTrue();
    }
  }

  @Test
  void generationsBeyondThePoolAndItsQueueAreRefused() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GeneratedSdks.Generation blocked = (folder, options, definition) -> {
      release.await();
      return new byte[0];
    };
    try (GeneratedSdks sdks = new GeneratedSdks(blocked, Duration.ofMinutes(1), 1)) {
      List<CompletableFuture<byte[]>> accepted = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 9; i++) {
        accepted.add(sdks.generate("javascript", Map.of(), "key" + i, DEFINITION));
      }

      assertThatThrownBy(() -> sdks.generate("javascript", Map.of(), "one more", DEFINITION).get())
          .cause().isInstanceOf(RejectedExecutionException.class);
      release.countDown();
      for (CompletableFuture<byte[]> sdk : accepted) {
        assertThat(sdk.get()).isEmpty();
      }
    }
  }

  private GeneratedSdks.Generation recording() {
    return (folder, options, definition) -> {
      runs.add(folder);
      return (folder + " " + options.generator() + " " + options.library()).getBytes(StandardCharsets.UTF_8);
    };
  }
}
