package dev.restgate.throttling;

/**
 * What one usage plan allows each of its keys on one method: the plan's throttle (or the plan's own throttle for
 * this method, which replaces it), and the plan's quota, shared by every method of every stage of the plan.
 *
 * @param throttle the throttle bucket's shape, or null when the plan sets no throttle
 * @param throttleScope appended to the throttle bucket's name: empty for the plan-wide throttle, the method for a
 *     per-method throttle
 * @param quota the quota, or null
 */
record PlanLimits(String usagePlanId, Shape throttle, String throttleScope, PlanQuota quota) {

  String throttleKey(String keyId) {
    return "plan/" + usagePlanId + '/' + keyId + throttleScope;
  }
}
