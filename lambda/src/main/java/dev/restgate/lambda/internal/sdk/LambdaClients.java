package dev.restgate.lambda.internal.sdk;

import dev.restgate.lambda.CredentialsConfig;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.spi.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * Builds the gateway's one {@link LambdaClient} from the {@code lambda} settings.
 *
 * <p>The HTTP client is Apache HttpClient 5 ({@code apache5-client}), chosen over {@code url-connection-client} for
 * its connection pool with keep-alive, a bounded pool size and an acquisition timeout: an invocation holds its
 * connection for as long as the function runs, so the pool, not the CPU, caps concurrent invocations. Its socket
 * timeout is above Lambda's 15-minute maximum; the caller's deadline is the per-call {@code apiCallTimeout}.
 *
 * <p>Streamed invocations ({@code InvokeWithResponseStream}) need the async client, over netty
 * ({@code netty-nio-client}, on the netty version the build aligns for the whole gateway), with the same limits: a
 * pool of {@link #MAX_CONNECTIONS} and a read timeout above Lambda's 15 minutes, since a streaming function may
 * pause between writes.
 *
 * <p>Invocations are not retried: a retried {@code Invoke} may run the function twice, and the caller (API Gateway
 * semantics) answers an error at once rather than waiting out retries.
 */
public final class LambdaClients {
  /** Connections kept to the Lambda endpoint, hence the most invocations in flight through the SDK at once. */
  static final int MAX_CONNECTIONS = 200;

  private LambdaClients() {}

  /** What is wrong with the client settings of {@code config}; empty when a client can be built. */
  public static List<Problem> check(LambdaConfig config, String source) {
    List<Problem> problems = new ArrayList<>();
    if (config.endpoint() != null) {
      try {
        URI endpoint = new URI(config.endpoint());
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
            || endpoint.getHost() == null) {
          problems.add(new Problem(source, "/lambda/endpoint",
              "endpoint must be an absolute http or https URL, was '" + config.endpoint() + "'"));
        }
      } catch (URISyntaxException e) {
        problems.add(new Problem(source, "/lambda/endpoint", "endpoint is not a URL: " + e.getMessage()));
      }
    }
    CredentialsConfig credentials = config.credentials();
    if (credentials != null && (blank(credentials.accessKeyId()) || blank(credentials.secretAccessKey()))) {
      problems.add(new Problem(source, "/lambda/credentials",
          "credentials need both accessKeyId and secretAccessKey; leave credentials out to use the default chain"));
    }
    return problems;
  }

  /**
   * An invoker with the client for {@code config}, which {@link #check} found valid.
   *
   * @param gatewayRegion the region used when {@code config.region()} is not set
   */
  public static SdkLambdaInvoker invoker(LambdaConfig config, String gatewayRegion) {
    AwsCredentialsProvider credentials = credentials(config.credentials());
    Region region = Region.of(config.region() != null ? config.region() : gatewayRegion);
    LambdaClientBuilder builder = LambdaClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(Apache5HttpClient.builder()
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(Duration.ofSeconds(10))
            .connectionAcquisitionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofMinutes(16)))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (config.endpoint() != null) {
      builder.endpointOverride(URI.create(config.endpoint()));
    }
    return new SdkLambdaInvoker(builder.build(), () -> asyncClient(config, region, credentials), credentials);
  }

  /** The async client streamed invocations use; built at the first one. */
  private static LambdaAsyncClient asyncClient(LambdaConfig config, Region region,
      AwsCredentialsProvider credentials) {
    LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder()
            .maxConcurrency(MAX_CONNECTIONS)
            .connectionTimeout(Duration.ofSeconds(10))
            .connectionAcquisitionTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofMinutes(16)))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (config.endpoint() != null) {
      builder.endpointOverride(URI.create(config.endpoint()));
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(CredentialsConfig config) {
    if (config == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    AwsCredentials credentials = blank(config.sessionToken())
        ? AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())
        : AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(), config.sessionToken());
    return StaticCredentialsProvider.create(credentials);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
