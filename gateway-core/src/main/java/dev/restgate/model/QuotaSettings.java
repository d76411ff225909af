package dev.restgate.model;

/**
 * A usage plan quota.
 *
 * @param period {@code DAY}, {@code WEEK} or {@code MONTH}
 */
public record QuotaSettings(Integer limit, Integer offset, String period) {}
