package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.model.ApiStage;
import dev.restgate.model.QuotaSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.UsagePlanDirectory;
import dev.restgate.testing.MutableClock;
import dev.restgate.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage records per key, plan and UTC day, stored durably, and the GetUsage reports read from them. */
class UsageReportsTest {
  private static final LocalDate DAY = LocalDate.parse("2026-12-03");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

  @TempDir
  Path data;

  private static UsagePlan plan(String id, QuotaSettings quota) {
    return new UsagePlan(id, id, null, List.of(new ApiStage("api0000001", "prod", null)), null, quota, null, null);
  }

  private UsageReports reports(UsageRecords records, UsagePlan plan, List<UsagePlanKey> planKeys) {
    return new UsageReports(List.of(), planKeys,
        new Throttling(null, List.of(plan), null, new LocalBuckets(clock), null, null, records, 1), clock);
  }

  private static void record(UsageRecords records, String plan, String key, LocalDate day, int times) {
    for (int i = 0; i < times; i++) {
      records.record(plan, key, day);
    }
  }

  @Test
  void aReportHasUsedAndRemainingPerDayForEveryKeyOfThePlan() throws Exception {
    UsageRecords records = new UsageRecords(new FileUsageStore(data), clock);
    record(records, "weekly", "keya", DAY.minusDays(1), 3);
    record(records, "weekly", "keya", DAY, 2);
    record(records, "weekly", "keyb", DAY, 1);
    record(records, "other1", "keya", DAY, 9);
    UsageReports reports = reports(records, plan("weekly", new QuotaSettings(10, 0, "WEEK")),
        List.of(new UsagePlanKey("weekly", "keya", "API_KEY"), new UsagePlanKey("weekly", "keyb", "API_KEY"),
            new UsagePlanKey("weekly", "keyc", "API_KEY")));

    UsagePlanDirectory.Usage usage = reports.usage("weekly", null, DAY.minusDays(1), DAY.plusDays(1)).orElseThrow();

    assertThat(usage.startDate()).isEqualTo("2026-12-02");
    assertThat(usage.endDate()).isEqualTo("2026-12-04");
    assertThat(usage.values()).containsExactly(
        Map.entry("keya", List.of(List.of(3L, 7L), List.of(2L, 5L), List.of(0L, 5L))),
        Map.entry("keyb", List.of(List.of(0L, 10L), List.of(1L, 9L), List.of(0L, 9L))),
        Map.entry("keyc", List.of(List.of(0L, 10L), List.of(0L, 10L), List.of(0L, 10L))));
    assertThat(reports.usage("weekly", "keyb", DAY, DAY).orElseThrow().values())
        .containsExactly(Map.entry("keyb", List.of(List.of(1L, 9L))));
    assertThat(reports.usage("nosuch", null, DAY, DAY)).isEmpty();
    assertThatThrownBy(() -> reports.usage("weekly", null, DAY, DAY.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestsGrantedOrTakenAwayCountInTheRemainingOfTheirDayAndTheRestOfTheWindowAndAreKept() throws Exception {
    UsageRecords records = new UsageRecords(new FileUsageStore(data), clock);
    record(records, "weekly", "keya", DAY.minusDays(1), 10);
    records.grant("weekly", "keya", DAY.minusDays(1), 4);
    record(records, "weekly", "keya", DAY, 1);
    records.grant("weekly", "keya", DAY, -2);
    records.close();

    UsageRecords reopened = new UsageRecords(new FileUsageStore(data), clock);
    UsageReports reports = reports(reopened, plan("weekly", new QuotaSettings(10, 0, "WEEK")),
        List.of(new UsagePlanKey("weekly", "keya", "API_KEY")));
    assertThat(reports.usage("weekly", "keya", DAY.minusDays(1), DAY.plusDays(1)).orElseThrow().values().get("keya"))
        .containsExactly(List.of(10L, 4L), List.of(1L, 1L), List.of(0L, 1L));
    assertThat(reopened.total("weekly", "keya", DAY.minusDays(1), DAY)).isEqualTo(new UsageCount(11, 2));
  }

  @Test
  void aRecordFileWrittenBeforeGrantsReadsAsGrantingNothing() throws Exception {
    Files.writeString(data.resolve("usage-records.json"),
        "[{\"usagePlanId\":\"plan01\",\"keyId\":\"keya\",\"day\":\"2026-12-03\",\"used\":5}]");
    assertThat(new FileUsageStore(data).read("plan01", "keya", DAY, DAY))
        .containsExactly(Map.entry(new UsageKey("plan01", "keya", DAY), new UsageCount(5, 0)));
  }

  @Test
  void withoutAQuotaNothingRemainsToCount() throws Exception {
    UsageRecords records = new UsageRecords(new FileUsageStore(data), clock);
    record(records, "free01", "keya", DAY, 4);
    UsageReports reports = reports(records, plan("free01", null), List.of(new UsagePlanKey("free01", "keya",
        "API_KEY")));
    assertThat(reports.usage("free01", null, DAY, DAY).orElseThrow().values())
        .containsExactly(Map.entry("keya", List.of(Arrays.asList(4L, null))));
  }

  @Test
  void flushedRecordsSurviveARestartInTheDataDirectory() throws Exception {
    UsageRecords records = new UsageRecords(new FileUsageStore(data), clock);
    record(records, "plan01", "keya", DAY, 5);
    records.flush();
    record(records, "plan01", "keya", DAY, 2);
    records.close();

    UsageRecords reopened = new UsageRecords(new FileUsageStore(data), clock);
    assertThat(reopened.total("plan01", "keya", DAY, DAY).used()).isEqualTo(7);
  }

  @Test
  void nodesSharingPostgresqlAddTheirCountsToTheSameRecords() throws Exception {
    String url = TestStores.postgresUrl();
    String plan = UUID.randomUUID().toString().substring(0, 8);
    UsageRecords first = new UsageRecords(new PostgresUsageStore(url, TestStores.POSTGRES_USER, null), clock);
    UsageRecords second = new UsageRecords(new PostgresUsageStore(url, TestStores.POSTGRES_USER, null), clock);
    try {
      record(first, plan, "keya", DAY, 3);
      record(second, plan, "keya", DAY, 4);
      record(second, plan, "keya", DAY.minusDays(1), 1);
      first.flush();
      second.flush();
      assertThat(first.total(plan, "keya", DAY, DAY).used()).isEqualTo(7);
      assertThat(second.total(plan, "keya", DAY.minusDays(1), DAY).used()).isEqualTo(8);
    } finally {
      first.close();
      second.close();
      try (Connection connection = DriverManager.getConnection(url, TestStores.POSTGRES_USER, null);
          Statement statement = connection.createStatement()) {
        statement.execute("DELETE FROM " + PostgresUsageStore.TABLE + " WHERE usage_plan_id = '" + plan + "'");
      }
    }
  }

  @Test
  void countsAStoreRefusedAreKeptForTheNextFlush() throws Exception {
    FileUsageStore files = new FileUsageStore(data);
    boolean[] down = {true};
    UsageStore flaky = new UsageStore() {
      @Override
      public void add(Map<UsageKey, UsageCount> deltas) throws Exception {
        if (down[0]) {
          throw new java.io.IOException("the disk is full");
        }
        files.add(deltas);
      }

      @Override
      public Map<UsageKey, UsageCount> read(String usagePlanId, String keyId, LocalDate from, LocalDate to) {
        return files.read(usagePlanId, keyId, from, to);
      }

      @Override
      public String location() {
        return "a flaky store";
      }

      @Override
      public void close() {}
    };
    UsageRecords records = new UsageRecords(flaky, clock);
    record(records, "plan01", "keya", DAY, 2);
    records.flush();
    assertThat(files.read("plan01", "keya", DAY, DAY)).isEmpty();
    assertThat(records.total("plan01", "keya", DAY, DAY).used()).isEqualTo(2);
    down[0] = false;
    record(records, "plan01", "keya", DAY, 1);
    records.flush();
    assertThat(files.read("plan01", "keya", DAY, DAY)).containsExactly(Map.entry(new UsageKey("plan01", "keya", DAY),
        new UsageCount(3, 0)));
  }
}
