package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.testing.EmbeddedGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The Lambda Invoke API takes only calls signed by an identity allowed {@code lambda:InvokeFunction} on the function:
 * checked with the AWS SDK for Java v2 and the AWS CLI, as users call it.
 */
class InvokeApiSigningTest {
  private static final String INVOKER = "AKIAINVOKER0EXAMPLE1";
  private static final String INVOKER_SECRET = "invoker/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String READER = "AKIAREADER00EXAMPLE2";
  private static final String READER_SECRET = "reader/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private static EmbeddedGateway gateway;
  private static Path dir;

  @BeforeAll
  static void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    gateway = AuthFixtures.startGateway(dir, null, """
        region: us-east-1
        accountId: '123456789012'
        identities:
          - accessKeyId: INVOKER
            secretAccessKey: INVOKER_SECRET
            arn: arn:aws:iam::123456789012:user/invoker
            policies:
              - Version: '2012-10-17'
                Statement:
                  - {Effect: Allow, Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:*:*:function:echo*'}
          - {accessKeyId: READER, secretAccessKey: READER_SECRET, arn: 'arn:aws:iam::123456789012:user/reader'}
        lambda:
          functions:
            - {functionName: echo, handler: authfixture.EchoEvent, codeUri: CODE}
        """.replace("INVOKER_SECRET", INVOKER_SECRET).replace("INVOKER", INVOKER)
        .replace("READER_SECRET", READER_SECRET).replace("READER", READER)
        );
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static LambdaClient client(String accessKey, String secret) {
    return LambdaClient.builder().endpointOverride(gateway.uri("")).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
        .build();
  }

  @Test
  void theSdkInvokesWithAllowedCredentials() {
    try (LambdaClient lambda = client(INVOKER, INVOKER_SECRET)) {
      InvokeResponse response = lambda.invoke(r -> r.functionName("echo").payload(SdkBytes.fromUtf8String("{}")));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.payload().asUtf8String()).contains("\"statusCode\":200");
    }
  }

  @Test
  void theSdkIsRefusedWithoutAnAllowOrWithUnknownCredentials() {
    try (LambdaClient reader = client(READER, READER_SECRET);
        LambdaClient stranger = client("AKIASTRANGER0EXAMPLE", "x")) {
      assertThatThrownBy(() -> reader.invoke(r -> r.functionName("echo")))
          .isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/reader "
                + "is not authorized to perform: lambda:InvokeFunction on resource: "
                + "arn:aws:lambda:us-east-1:123456789012:function:echo because no identity-based policy allows the "
                + "lambda:InvokeFunction action");
          });
      assertThatThrownBy(() -> stranger.invoke(r -> r.functionName("echo")))
          .isInstanceOfSatisfying(LambdaException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
    }
  }

  @Test
  void theAwsCliInvokesWithConfiguredCredentialsAndIsRefusedWithout() throws Exception {
    Cli allowed = cli(INVOKER, INVOKER_SECRET);
    assertThat(allowed.exit).as(allowed.output).isZero();
    assertThat(allowed.output).contains("\"StatusCode\": 200");
    assertThat(Files.readString(dir.resolve("out.json"))).contains("\"statusCode\":200");

    Cli refused = cli(READER, READER_SECRET);
    assertThat(refused.exit).isEqualTo(255);
    assertThat(refused.output).contains("An error occurred (AccessDeniedException) when calling the Invoke operation");
  }

  private record Cli(int exit, String output) {}

  /** Runs {@code aws lambda invoke} against the gateway with the given credentials and no other configuration. */
  private static Cli cli(String accessKey, String secret) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "lambda", "invoke", "--endpoint-url",
        gateway.uri("").toString(), "--region", "us-east-1", "--function-name", "echo", "--payload", "{}",
        dir.resolve("out.json").toString()));
    if (cliVersion().startsWith("aws-cli/2")) {
      command.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("AWS_ACCESS_KEY_ID", accessKey);
    environment.put("AWS_SECRET_ACCESS_KEY", secret);
    environment.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
    environment.put("AWS_MAX_ATTEMPTS", "1");
    Process process = start(builder);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Cli(process.waitFor(), output);
  }

  /** {@code aws --version}: v1 takes a JSON payload as it is, v2 wants to be told. */
  private static String cliVersion() throws Exception {
    Process process = start(new ProcessBuilder("aws", "--version").redirectErrorStream(true));
    String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    process.waitFor();
    return version;
  }

  private static Process start(ProcessBuilder builder) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("This test runs the AWS CLI (`aws`): install it (apt-get install awscli, or "
          + "pip install awscli)", e);
    }
  }
}
