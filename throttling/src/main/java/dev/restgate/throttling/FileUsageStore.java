package dev.restgate.throttling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Daily usage in one JSON file under the data directory, held in memory and rewritten (to a temporary file, then
 * moved over the old one) on every flush that changed it. Days older than {@value #RETAINED_DAYS} days are dropped.
 */
final class FileUsageStore implements UsageStore {
  static final int RETAINED_DAYS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {};

  private final Path file;
  private final Map<UsageKey, UsageCount> counts = new ConcurrentHashMap<>();

  /** A record as the file holds it; files written before {@code granted} existed read as granting nothing. */
  record Row(String usagePlanId, String keyId, String day, long used,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) long granted) {}

  FileUsageStore(Path directory) throws IOException {
    Files.createDirectories(directory);
    this.file = directory.resolve("usage-records.json");
    if (Files.exists(file)) {
      try {
        for (Row row : JSON.readValue(file.toFile(), ROWS)) {
          counts.put(new UsageKey(row.usagePlanId(), row.keyId(), LocalDate.parse(row.day())),
              new UsageCount(row.used(), row.granted()));
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException(file + " is not a usage record file the gateway wrote: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public synchronized void add(Map<UsageKey, UsageCount> deltas) throws IOException {
    Map<UsageKey, UsageCount> next = new HashMap<>(counts);
    deltas.forEach((key, delta) -> next.merge(key, delta, UsageCount::plus));
    LocalDate oldest = deltas.keySet().stream().map(UsageKey::day).max(LocalDate::compareTo)
        .orElse(LocalDate.MIN).minusDays(RETAINED_DAYS);
    next.keySet().removeIf(key -> key.day().isBefore(oldest));
    List<Row> rows = new ArrayList<>(next.size());
    next.forEach((key, count) -> rows.add(new Row(key.usagePlanId(), key.keyId(), key.day().toString(), count.used(),
        count.granted())));
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(temporary.toFile(), rows);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    counts.keySet().retainAll(next.keySet());
    counts.putAll(next);
  }

  @Override
  public Map<UsageKey, UsageCount> read(String usagePlanId, String keyId, LocalDate from, LocalDate to) {
    Map<UsageKey, UsageCount> found = new HashMap<>();
    counts.forEach((key, count) -> {
      if (key.usagePlanId().equals(usagePlanId) && (keyId == null || key.keyId().equals(keyId))
          && !key.day().isBefore(from) && !key.day().isAfter(to)) {
        found.put(key, count);
      }
    });
    return found;
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public void close() {}
}
