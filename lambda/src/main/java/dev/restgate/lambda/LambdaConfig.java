package dev.restgate.lambda;

import java.util.List;

/**
 * How the gateway reaches Lambda functions.
 *
 * @param region the region of the Lambda client; the gateway's region when null
 * @param endpoint an endpoint override for the Lambda Invoke API (any compatible service), or null for AWS
 * @param credentials static credentials, or null for the AWS SDK's default provider chain
 * @param functions local Java functions served in-process (looked up before the Lambda client)
 * @param invokeApiSigned whether calls to the Lambda Invoke API must be SigV4-signed by an identity allowed to invoke
 *     the function ({@code invokeApiAuthorization: AWS_IAM}, the default); false ({@code NONE}) for local
 *     development only
 */
public record LambdaConfig(String region, String endpoint, CredentialsConfig credentials,
    List<FunctionConfig> functions, boolean invokeApiSigned) {
  public static final LambdaConfig NONE = new LambdaConfig(null, null, null, List.of(), true);

  public LambdaConfig {
    functions = functions == null ? List.of() : List.copyOf(functions);
  }
}
