package dev.restgate.throttling;

import java.time.LocalDate;

/** The requests one API key made through one usage plan on one UTC day. */
record UsageKey(String usagePlanId, String keyId, LocalDate day) {}
