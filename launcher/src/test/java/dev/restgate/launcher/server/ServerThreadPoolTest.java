package dev.restgate.launcher.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerThreadPoolTest {
  @Test
  void requestsRunOnVirtualThreadsExactlyWhenTheJvmHasThem() {
    boolean jvmHasVirtualThreads = Runtime.version().feature() >= 21;

    ServerThreadPool threads = ServerThreadPool.create();

    assertThat(threads.usesVirtualThreads()).isEqualTo(jvmHasVirtualThreads);
    assertThat(threads.description()).isEqualTo(jvmHasVirtualThreads
        ? "virtual threads"
        : "a pool of up to 200 platform threads (virtual threads need Java 21 or later)");
  }

  @Test
  void platformThreadPoolIsBounded() {
    assertThat(ServerThreadPool.create().pool().getMaxThreads()).isEqualTo(ServerThreadPool.MAX_PLATFORM_THREADS);
  }
}
