package dev.restgate.authorizers;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Requests signed by the AWS SDK for Java v2 signer, sent with the JDK client as any client would. */
final class SdkSignedRequests {
  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length");

  private final String accessKeyId;
  private final String secretAccessKey;
  private final String sessionToken;
  private String region = "us-east-1";
  private String service = "execute-api";
  private Clock clock = Clock.systemUTC();
  private boolean presign;

  SdkSignedRequests(String accessKeyId, String secretAccessKey, String sessionToken) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
  }

  SdkSignedRequests region(String value) {
    region = value;
    return this;
  }

  SdkSignedRequests service(String value) {
    service = value;
    return this;
  }

  SdkSignedRequests clock(Clock value) {
    clock = value;
    return this;
  }

  /** Signs in the query string (a presigned URL) instead of the {@code Authorization} header. */
  SdkSignedRequests presigned() {
    presign = true;
    return this;
  }

  /** The request signed; {@code body} may be null. Extra headers are given as name, value pairs and signed. */
  HttpRequest sign(String method, URI uri, String body, String... headers) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    for (int i = 0; i < headers.length; i += 2) {
      request.appendHeader(headers[i], headers[i + 1]);
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    AwsCredentialsIdentity identity = sessionToken == null
        ? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
        : AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
      r.identity(identity).request(request.build())
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, region)
          .putProperty(HttpSigner.SIGNING_CLOCK, clock);
      if (body != null) {
        r.payload(ContentStreamProvider.fromByteArray(bytes));
      }
      if (presign) {
        r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
      }
    });
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(bytes);
    HttpRequest.Builder out = HttpRequest.newBuilder(signed.request().getUri()).timeout(Duration.ofSeconds(30))
        .method(method, publisher);
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> out.header(header.getKey(), value));
      }
    }
    return out.build();
  }
}
