package dev.restgate.caching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cache} section, which this module owns. */
class CacheSectionTest {
  @TempDir
  Path dir;

  @Test
  void entriesStayInMemoryUnlessRedisIsNamed() throws Exception {
    ConfigFiles files = new ConfigFiles(dir);

    assertThat(files.load("region: us-east-1\n").section(CacheConfig.class).orElseThrow())
        .isEqualTo(CacheConfig.LOCAL);
    assertThat(files.load("cache: {backend: redis, redisUri: \"redis://:secret@cache:6379\"}\n")
        .section(CacheConfig.class).orElseThrow())
        .isEqualTo(new CacheConfig("redis", "redis://:secret@cache:6379"));
    assertThat(new CacheConfig("redis", "redis://:secret@cache:6379").location())
        .isEqualTo("redis://****@cache:6379");
  }

  @Test
  void aHalfWrittenSectionIsRefusedWithWhatToWrite() {
    ConfigFiles files = new ConfigFiles(dir);

    assertThat(files.messages("cache: {backend: redis}\n")).containsOnlyKeys("/cache/redisUri");
    assertThat(files.messages("cache: {backend: redis, redisUri: \"cache:6379\"}\n").get("/cache/redisUri"))
        .contains("use redis://host:6379");
    assertThat(files.messages("cache: {redisUri: \"redis://cache:6379\"}\n").get("/cache/redisUri"))
        .contains("is not used by the default engine");
    assertThat(files.messages("cache: {backend: memcached}\n")).containsOnlyKeys("/cache/backend");
    assertThat(files.messages("cache: {backend: local, ttl: 5}\n")).containsOnlyKeys("/cache/ttl");
  }

  @Test
  void cacheSizesAreTakenAsGibibytes() {
    assertThat(CachingModule.capacity(null)).isEqualTo(512L << 20);
    assertThat(CachingModule.capacity("0.5")).isEqualTo(512L << 20);
    assertThat(CachingModule.capacity("237")).isEqualTo(237L << 30);
  }
}
