/**
 * The two pure halves of the {@code AWS_PROXY} integration (Lambda proxy, payload format 1.0): {@link
 * dev.restgate.internal.lambdaproxy.ProxyEventWriter} turns an exchange into the event a function receives, {@link
 * dev.restgate.internal.lambdaproxy.ProxyResponseReader} turns the function's answer into the client's response or
 * the gateway error AWS would send. Neither does I/O; the integration around them invokes the function.
 */
package dev.restgate.internal.lambdaproxy;
