package dev.restgate.controlplane;

import dev.restgate.Gateway;
import dev.restgate.ManagedObjects;
import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import java.net.URI;
import java.nio.file.Path;
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

  /**
   * A gateway wired as the servlet filter wires it: the configuration file with the objects created at run time,
   * kept in {@code data}, changes applied by reloading the gateway.
   */
  static EmbeddedGateway startManaged(Path config, Path data) throws Exception {
    ClassLoader loader = Operators.class.getClassLoader();
    ManagedObjects managed = ManagedObjects.open(ConfigLoader.standard(loader), config, data);
    EmbeddedGateway gateway = EmbeddedGateway.start(Gateway.builder(managed.load()).dataDirectory(data)
        .classLoader(loader).managedConfiguration(managed));
    managed.serve(gateway.gateway()::reload);
    return gateway;
  }

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
