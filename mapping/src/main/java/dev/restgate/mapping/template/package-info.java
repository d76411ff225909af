/**
 * API Gateway's VTL on Apache Velocity: {@code $input}, {@code $util}, {@code $context}, {@code $stageVariables},
 * the overrides, AWS's rendering quirks and limits, and the sandbox that keeps templates away from Java.
 */
package dev.restgate.mapping.template;
