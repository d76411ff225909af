package dev.restgate.internal.lambdaproxy;

import java.util.List;

/**
 * A function's answer as parsed, before it becomes a gateway response.
 *
 * @param statusCode the status, 200 when the function gave none
 * @param headers {@code headers} in the order given, values already stringified, nulls left out
 * @param multiValueHeaders {@code multiValueHeaders} in the order given, likewise
 * @param body the body text, or null
 * @param base64Encoded whether the function says the body is base64
 */
record ProxyResponse(
    int statusCode,
    List<Header> headers,
    List<MultiHeader> multiValueHeaders,
    String body,
    boolean base64Encoded) {

  record Header(String name, String value) {}

  record MultiHeader(String name, List<String> values) {}
}
