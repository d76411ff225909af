package dev.restgate.lambda;

import java.util.List;

/**
 * How the gateway reaches Lambda functions.
 *
 * @param region the region of the Lambda client; the gateway's region when null
 * @param endpoint an endpoint override for the Lambda Invoke API (any compatible service), or null for AWS
 * @param credentials static credentials, or null for the AWS SDK's default provider chain
 * @param functions local Java functions served in-process (looked up before the Lambda client)
 */
public record LambdaConfig(String region, String endpoint, CredentialsConfig credentials,
    List<FunctionConfig> functions) {
  public static final LambdaConfig NONE = new LambdaConfig(null, null, null, List.of());

  public LambdaConfig {
    functions = functions == null ? List.of() : List.copyOf(functions);
  }
}
