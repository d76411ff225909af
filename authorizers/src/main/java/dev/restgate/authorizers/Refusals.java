package dev.restgate.authorizers;

import dev.restgate.authorizers.iam.Caller;
import dev.restgate.authorizers.iam.RequestFacts;
import dev.restgate.authorizers.sigv4.SignatureRefusal;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import java.time.Clock;

/** The facts a method's policies are evaluated on, and the gateway responses AWS refuses callers with. */
final class Refusals {
  static final String INVOKE = "execute-api:Invoke";

  private Refusals() {}

  /**
   * What policies see of a call to {@code methodArn}. {@code aws:SecureTransport} is the scheme the gateway was
   * reached with: behind a proxy that ends TLS it is false, whatever the client used.
   */
  static RequestFacts facts(Exchange exchange, String methodArn, Caller caller, Clock clock) {
    return new RequestFacts(INVOKE, methodArn, caller, exchange.identity().sourceIp(), clock.instant(),
        "https".equals(exchange.request().scheme()), exchange.identity().userAgent());
  }

  /** 403 for a principal (or {@code anonymous}) that policies do not allow to invoke the method. */
  static GatewayException notAuthorized(String principal, String methodArn, boolean explicitDeny) {
    return new GatewayException(GatewayResponseType.ACCESS_DENIED, "User: " + principal
        + " is not authorized to perform: " + INVOKE + " on resource: " + methodArn
        + (explicitDeny ? " with an explicit deny" : ""));
  }

  /** 403 for a Lambda authorizer's policy that does not allow the method. */
  static GatewayException authorizerDenied(boolean explicitDeny) {
    return new GatewayException(GatewayResponseType.ACCESS_DENIED,
        GatewayResponseType.ACCESS_DENIED.defaultMessage() + (explicitDeny ? " with an explicit deny" : ""));
  }

  /** 401 {@code Unauthorized}. */
  static GatewayException unauthorized() {
    return new GatewayException(GatewayResponseType.UNAUTHORIZED);
  }

  /** 500 {@code {"message": null}}: the authorizer failed, answered garbage, or could not be invoked. */
  static GatewayException authorizerConfigurationError() {
    return new GatewayException(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR);
  }

  /**
   * The gateway response for a signature AWS refuses. A malformed {@code Authorization} header and an unknown access
   * key are {@code INVALID_SIGNATURE} responses with their own {@code x-amzn-ErrorType}.
   */
  static GatewayException signatureRefused(SignatureRefusal refusal) {
    return switch (refusal.kind()) {
      case MISSING_AUTHENTICATION_TOKEN ->
          new GatewayException(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, refusal.message());
      case EXPIRED_TOKEN -> new GatewayException(GatewayResponseType.EXPIRED_TOKEN, refusal.message());
      case INVALID_SIGNATURE -> new GatewayException(GatewayResponseType.INVALID_SIGNATURE, refusal.message());
      case INCOMPLETE_SIGNATURE, UNRECOGNIZED_CLIENT -> new GatewayException(GatewayResponseType.INVALID_SIGNATURE,
          refusal.message(), GatewayResponseType.INVALID_SIGNATURE.defaultStatus(), refusal.kind().errorType());
    };
  }
}
