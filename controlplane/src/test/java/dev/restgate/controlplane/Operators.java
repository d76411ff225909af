package dev.restgate.controlplane;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** The operator identity the control plane tests configure, and AWS SDK clients signing as someone. */
final class Operators {
  static final String ACCESS_KEY = "AKIAOPERATOR00000001";
  static final String SECRET = "operator-secret";
  /** An {@code identities} entry (list item, indented for the top level) allowed every {@code apigateway} action. */
  static final String OPERATOR = """
        - accessKeyId: AKIAOPERATOR00000001
          secretAccessKey: operator-secret
          arn: arn:aws:iam::123456789012:user/operator
          policies:
            - Version: "2012-10-17"
              Statement: [{Effect: Allow, Action: "apigateway:*", Resource: "arn:aws:apigateway:*::/*"}]
      """;

  private Operators() {}

  /** An {@code ApiGatewayClient} for the gateway on {@code port}, signing with the given keys. */
  static ApiGatewayClient client(int port, String accessKey, String secret) {
    return client("http://127.0.0.1:" + port, accessKey, secret);
  }

  /** An {@code ApiGatewayClient} for the management API at {@code endpoint}, signing with the given keys. */
  static ApiGatewayClient client(String endpoint, String accessKey, String secret) {
    return ApiGatewayClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
        .build();
  }
}
