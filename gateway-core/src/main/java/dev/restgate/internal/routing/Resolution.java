package dev.restgate.internal.routing;

import dev.restgate.internal.deploy.CompiledDeployment;
import dev.restgate.internal.deploy.CompiledMethod;
import dev.restgate.spi.RouteMatch;

/**
 * What routing decided for a request that is the gateway's.
 *
 * @param outcome what happened
 * @param deployment the deployment that answers (null when no API stage was found)
 * @param match where the request went; without resource and method when no route matched
 * @param method the method to run, or null unless {@code outcome} is {@link Outcome#MATCHED}
 */
public record Resolution(Outcome outcome, CompiledDeployment deployment, RouteMatch match, CompiledMethod method) {

  /** The kinds of routing result. */
  public enum Outcome {
    /** A method serves the request. */
    MATCHED,
    /** The stage exists but no resource or method matches: {@code MISSING_AUTHENTICATION_TOKEN}. */
    NO_ROUTE,
    /** A route resolver owns the request but maps it to no stage: {@code MISSING_AUTHENTICATION_TOKEN}. */
    UNMAPPED,
    /** The API or stage does not exist: 403 {@code {"message":"Forbidden"}}. */
    UNKNOWN_STAGE
  }

  static final Resolution UNKNOWN = new Resolution(Outcome.UNKNOWN_STAGE, null, null, null);
  static final Resolution NOT_MAPPED = new Resolution(Outcome.UNMAPPED, null, null, null);
}
