package dev.restgate.spi;

import java.util.Arrays;

/**
 * The function an {@code AWS_PROXY} (or {@code AWS}) integration URI or a Lambda authorizer's {@code authorizerUri}
 * names:
 * {@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations}, or for a response
 * that streams {@code ...:lambda:path/2021-11-15/functions/{functionArn}/response-streaming-invocations}, where the
 * function ARN may end in {@code :alias} or {@code :version} and may contain {@code ${stageVariables.x}}.
 *
 * @param function the function ARN (or name) without qualifier; may still hold stage variable placeholders
 * @param qualifier the alias or version, or null; may hold placeholders
 */
public record LambdaUri(String function, String qualifier) {
  private static final String FUNCTIONS = ":lambda:path/2015-03-31/functions/";
  private static final String INVOCATIONS = "/invocations";
  private static final String STREAMING_FUNCTIONS = ":lambda:path/2021-11-15/functions/";
  private static final String STREAMING_INVOCATIONS = "/response-streaming-invocations";

  /** Whether {@code uri} names Lambda's {@code InvokeWithResponseStream} rather than {@code Invoke}. */
  public static boolean isStreaming(String uri) {
    return uri != null && uri.contains(STREAMING_FUNCTIONS) && uri.endsWith(STREAMING_INVOCATIONS);
  }

  /**
   * Parses an integration or authorizer URI.
   *
   * @throws IllegalArgumentException with the AWS wording for integrations when the URI does not name a Lambda
   *     function
   */
  public static LambdaUri parse(String uri) {
    if (uri == null || !uri.startsWith("arn:")) {
      throw new IllegalArgumentException("Invalid ARN specified in the request: " + uri);
    }
    boolean streaming = isStreaming(uri);
    String prefix = streaming ? STREAMING_FUNCTIONS : FUNCTIONS;
    String suffix = streaming ? STREAMING_INVOCATIONS : INVOCATIONS;
    int functions = uri.indexOf(prefix);
    if (functions < 0 || !uri.endsWith(suffix)) {
      throw new IllegalArgumentException("Integrations of type 'AWS_PROXY' currently only supports Lambda function "
          + "and Firehose stream invocations: " + uri);
    }
    String functionArn = uri.substring(functions + prefix.length(), uri.length() - suffix.length());
    if (functionArn.isEmpty()) {
      throw new IllegalArgumentException("Invalid ARN specified in the request: " + uri);
    }
    return split(functionArn);
  }

  /** Splits {@code arn:aws:lambda:r:acct:function:name[:qualifier]} (or {@code name[:qualifier]}). */
  public static LambdaUri split(String functionArn) {
    String[] parts = functionArn.split(":", -1);
    if (functionArn.startsWith("arn:") && parts.length == 8) {
      return new LambdaUri(String.join(":", Arrays.copyOf(parts, 7)), parts[7]);
    }
    if (!functionArn.startsWith("arn:") && parts.length == 2) {
      return new LambdaUri(parts[0], parts[1]);
    }
    return new LambdaUri(functionArn, null);
  }
}
