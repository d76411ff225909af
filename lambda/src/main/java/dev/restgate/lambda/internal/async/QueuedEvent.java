package dev.restgate.lambda.internal.async;

import java.time.Instant;

/**
 * One asynchronous invocation waiting in a function's queue, as its file holds it.
 *
 * @param requestId the invocation's request id: the 202 answer carried it, and every attempt runs with it, as on AWS
 * @param qualifier the version or alias the caller named, or null
 * @param payload the event
 * @param receivedAt when the event was queued; its age counts from here
 * @param attempts how many attempts ended with a function error so far
 * @param notBefore the earliest time of the next attempt (the back-off after a function error)
 * @param lastAttempt how the last failed attempt ended, or null before the first: an event given up for its age
 *     reports it, as AWS's record does
 */
record QueuedEvent(String requestId, String qualifier, byte[] payload, Instant receivedAt, int attempts,
    Instant notBefore, Attempt lastAttempt) {

  /**
   * The outcome of one failed attempt.
   *
   * @param version the version that ran ({@code $LATEST} or a number)
   * @param functionError the function error ({@code Unhandled}, ...)
   * @param response what the function answered: its error document
   */
  record Attempt(String version, String functionError, byte[] response) {}

  /** A new event: no attempt yet, due at once. */
  static QueuedEvent received(String requestId, String qualifier, byte[] payload, Instant now) {
    return new QueuedEvent(requestId, qualifier, payload, now, 0, now, null);
  }

  /** The event after one more failed attempt, to be tried again from {@code retryAt}. */
  QueuedEvent failedAgain(Attempt attempt, Instant retryAt) {
    return new QueuedEvent(requestId, qualifier, payload, receivedAt, attempts + 1, retryAt, attempt);
  }
}
