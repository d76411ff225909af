/**
 * Lambda invocation for the gateway: {@link dev.restgate.lambda.LambdaModule} registers the
 * {@link dev.restgate.spi.LambdaInvoker} (local Java functions first, then the AWS SDK) and the Lambda Invoke API for
 * the local functions. Everything under {@code internal} is implementation.
 */
package dev.restgate.lambda;
