package dev.restgate.spi;

/**
 * The ARNs of one stage's methods, {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}:
 * what IAM and authorizer policies name, what a Lambda authorizer gets as {@code methodArn}, and (with the resource
 * path) the source ARN of Lambda invocations. Built once per method ({@link MethodSite#methodArn()}); immutable.
 */
public final class MethodArn {
  private final String prefix;

  private MethodArn(String prefix) {
    this.prefix = prefix;
  }

  /** The ARNs of the methods of stage {@code stageName} of API {@code apiId}. */
  public static MethodArn of(String region, String accountId, String apiId, String stageName) {
    return new MethodArn("arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stageName + "/");
  }

  /** {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/}. */
  public String prefix() {
    return prefix;
  }

  /**
   * The ARN of {@code httpMethod} on {@code path}.
   *
   * @param path a request path or a resource path, starting with {@code /} (the root gives a trailing slash, as on
   *     AWS: {@code .../GET/})
   */
  public String of(String httpMethod, String path) {
    return prefix + httpMethod + path;
  }

  /** The ARN a request calls: its verb (also for {@code ANY} methods) and the path it was routed by, raw. */
  public String of(Exchange exchange) {
    return of(exchange.request().method(), exchange.route().requestPath());
  }

  @Override
  public String toString() {
    return prefix + "*";
  }
}
