package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.netty.util.Version;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/**
 * The WAR's class path carries netty for two users, the AWS SDK's async Lambda client (streamed invocations) and
 * lettuce (Redis): one netty line serves both, and the SDK's client streams on it.
 */
class NettyClassPathTest {

  @Test
  void everyNettyModuleIsOfOneVersion() {
    assertThat(Version.identify().values().stream().map(Version::artifactVersion).distinct())
        .hasSize(1).allMatch(v -> v.startsWith("4.2."));
  }

  @Test
  void theSdksAsyncLambdaClientStreamsBesideLettuce() throws Exception {
    CountDownLatch firstChunkRead = new CountDownLatch(1);
    HttpServer lambdaApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    lambdaApi.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
      exchange.getResponseHeaders().add("X-Amz-Executed-Version", "7");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(event("PayloadChunk", "application/octet-stream", "first "));
        out.flush();
        // The second chunk only once the client has the first: chunks arrive as they are sent.
        firstChunkRead.await(30, TimeUnit.SECONDS);
        out.write(event("PayloadChunk", "application/octet-stream", "second"));
        out.write(event("InvokeComplete", "application/json", "{}"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    lambdaApi.start();
    StringBuffer received = new StringBuffer();
    String[] executedVersion = new String[1];
    try (LambdaAsyncClient lambda = LambdaAsyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + lambdaApi.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build()) {
      lambda.invokeWithResponseStream(r -> r.functionName("f").payload(SdkBytes.fromUtf8String("{}")),
          InvokeWithResponseStreamResponseHandler.builder()
              .onResponse(r -> executedVersion[0] = r.executedVersion())
              .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                  .onPayloadChunk(c -> {
                    received.append(c.payload().asUtf8String());
                    firstChunkRead.countDown();
                  })
                  .onInvokeComplete(c -> received.append("|complete:").append(c.errorCode()))
                  .build())
              .build())
          .get(60, TimeUnit.SECONDS);
    } finally {
      lambdaApi.stop(0);
    }

    assertThat(received.toString()).isEqualTo("first second|complete:null");
    assertThat(executedVersion[0]).isEqualTo("7");
    RedisClient redis = RedisClient.create("redis://127.0.0.1:1");
    try {
      // No Redis there: lettuce's netty bootstrap runs and reports the refused connection.
      assertThatThrownBy(redis::connect).isInstanceOf(RedisConnectionException.class);
    } finally {
      redis.shutdown();
    }
  }

  private static byte[] event(String type, String contentType, String payload) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(type));
    headers.put(":content-type", HeaderValue.fromString(contentType));
    headers.put(":message-type", HeaderValue.fromString("event"));
    ByteBuffer encoded = new Message(headers, payload.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return bytes;
  }
}
