package dev.restgate.throttling;

import dev.restgate.model.QuotaSettings;

/**
 * What one usage plan allows each of its keys on one method: the plan's throttle (or the plan's own throttle for
 * this method, which replaces it), and the plan's quota, shared by every method of every stage of the plan.
 *
 * @param throttle the throttle bucket's shape, or null when the plan sets no throttle
 * @param throttleScope appended to the throttle bucket's name: empty for the plan-wide throttle, the method for a
 *     per-method throttle
 * @param quota the quota, or null
 * @param quotaShape the shape of a quota window's bucket, or null
 */
record PlanLimits(String usagePlanId, Shape throttle, String throttleScope, QuotaSettings quota, Shape quotaShape) {

  String throttleKey(String keyId) {
    return "plan/" + usagePlanId + '/' + keyId + throttleScope;
  }

  String quotaKey(String keyId, QuotaWindow window) {
    return "quota/" + usagePlanId + '/' + keyId + '/' + window.start();
  }
}
