package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.QuotaSettings;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Quota windows are calendar windows in UTC; the offset names the day they start on. */
class QuotaWindowTest {
  private static final LocalDate THURSDAY = LocalDate.parse("2026-12-03");

  private static QuotaWindow window(String period, Integer offset, LocalDate day) {
    return QuotaWindow.of(new QuotaSettings(100, offset, period), day);
  }

  @Test
  void aDayQuotaCountsOneUtcDay() {
    assertThat(window("DAY", null, THURSDAY)).isEqualTo(new QuotaWindow(THURSDAY, THURSDAY.plusDays(1)));
  }

  @Test
  void aWeekQuotaStartsOnSundayUnlessTheOffsetNamesAnotherWeekday() {
    assertThat(window("WEEK", 0, THURSDAY).start()).isEqualTo("2026-11-29");
    assertThat(window("WEEK", 1, THURSDAY).start()).isEqualTo("2026-11-30");
    assertThat(window("WEEK", 4, THURSDAY).start()).isEqualTo(THURSDAY);
    assertThat(window("WEEK", 5, THURSDAY)).isEqualTo(new QuotaWindow(LocalDate.parse("2026-11-27"),
        LocalDate.parse("2026-12-04")));
    assertThat(window("WEEK", 0, LocalDate.parse("2026-11-29")).start()).isEqualTo("2026-11-29");
  }

  @Test
  void aMonthQuotaStartsOnTheFirstUnlessTheOffsetNamesAnotherDay() {
    assertThat(window("MONTH", 0, THURSDAY)).isEqualTo(new QuotaWindow(LocalDate.parse("2026-12-01"),
        LocalDate.parse("2027-01-01")));
    assertThat(window("MONTH", 14, THURSDAY)).isEqualTo(new QuotaWindow(LocalDate.parse("2026-11-15"),
        LocalDate.parse("2026-12-15")));
    assertThat(window("MONTH", 2, THURSDAY).start()).isEqualTo(THURSDAY);
    assertThat(window("MONTH", 27, LocalDate.parse("2027-02-28")).start()).isEqualTo("2027-02-28");
    assertThat(window("MONTH", 27, LocalDate.parse("2027-03-01")).start()).isEqualTo("2027-02-28");
  }
}
