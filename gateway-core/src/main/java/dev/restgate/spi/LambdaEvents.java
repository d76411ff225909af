package dev.restgate.spi;

/**
 * Writes the events API Gateway sends to Lambda functions, for modules that invoke functions themselves. A service
 * the gateway provides: {@code site.service(LambdaEvents.class)}. Thread-safe.
 */
public interface LambdaEvents {

  /**
   * The event of a {@code REQUEST} Lambda authorizer, as AWS sends it: {@code type}, {@code methodArn}, and the
   * request as the Lambda proxy event (payload format 1.0) carries it, without {@code body} and
   * {@code isBase64Encoded}. Does not read the request body.
   *
   * @param exchange a routed exchange
   * @param methodArn the ARN of the method called, {@link MethodArn#of(Exchange)}
   * @return the event as UTF-8 JSON
   */
  byte[] requestAuthorizerEvent(Exchange exchange, String methodArn);
}
