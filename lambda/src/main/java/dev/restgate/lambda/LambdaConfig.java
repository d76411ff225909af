package dev.restgate.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the gateway reaches Lambda functions.
 *
 * @param region the region of the Lambda client; the gateway's region when null
 * @param endpoint an endpoint override for the Lambda Invoke API (any compatible service), or null for AWS
 * @param credentials static credentials, or null for the AWS SDK's default provider chain
 * @param functions local functions (looked up before the Lambda client)
 * @param invokeApiSigned whether calls to the Lambda Invoke API must be SigV4-signed by an identity allowed to invoke
 *     the function ({@code invokeApiAuthorization: AWS_IAM}, the default); false ({@code NONE}) for local
 *     development only
 * @param idleTimeout how long a warm worker process waits for its next invocation before it is stopped; null for
 *     {@link #DEFAULT_IDLE_TIMEOUT}
 * @param asyncRetryDelays how long a failed {@code Event} invocation waits before its first and its second retry;
 *     null for {@link #DEFAULT_ASYNC_RETRY_DELAYS}
 * @param jdks the JDK home that runs worker processes of each Java runtime ({@code java17}, {@code java21},
 *     {@code java25}); a Java runtime without one runs on the gateway's own {@code java}
 * @param nodeRuntimeClient the directory {@code npm install aws-lambda-ric} ran in, whose {@code node_modules} holds
 *     AWS's Node.js runtime interface client; null to find it in each Node.js function's own package
 * @param logFiles whether the entries of every worker process are also appended to
 *     {@code {data directory}/lambda/logs/{functionName}.log}
 */
public record LambdaConfig(String region, String endpoint, CredentialsConfig credentials,
    List<FunctionConfig> functions, boolean invokeApiSigned, Duration idleTimeout, List<Duration> asyncRetryDelays,
    Map<String, Path> jdks, Path nodeRuntimeClient, boolean logFiles) {
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
  /** About what AWS waits: one minute before the first retry, two before the second. */
  public static final List<Duration> DEFAULT_ASYNC_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));
  public static final LambdaConfig NONE = new LambdaConfig(null, null, null, List.of(), true, null, null);

  /** Settings without a JDK per Java runtime, a Node.js runtime client or log files. */
  public LambdaConfig(String region, String endpoint, CredentialsConfig credentials, List<FunctionConfig> functions,
      boolean invokeApiSigned, Duration idleTimeout, List<Duration> asyncRetryDelays) {
    this(region, endpoint, credentials, functions, invokeApiSigned, idleTimeout, asyncRetryDelays, null, null, false);
  }

  public LambdaConfig {
    functions = functions == null ? List.of() : List.copyOf(functions);
    idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
    jdks = jdks == null ? Map.of() : Map.copyOf(jdks);
    asyncRetryDelays = asyncRetryDelays == null ? DEFAULT_ASYNC_RETRY_DELAYS : List.copyOf(asyncRetryDelays);
    if (asyncRetryDelays.size() != DEFAULT_ASYNC_RETRY_DELAYS.size()) {
      throw new IllegalArgumentException("asyncRetryDelays needs one delay per retry, two in all");
    }
  }
}
