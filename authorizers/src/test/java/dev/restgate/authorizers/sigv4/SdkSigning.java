package dev.restgate.authorizers.sigv4;

import dev.restgate.authorizers.sigv4.TestRequest.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Requests signed by the AWS SDK for Java 2 ({@link AwsV4HttpSigner}) at {@link #SIGNING_TIME}. */
final class SdkSigning {
  static final Instant SIGNING_TIME = Instant.parse("2024-05-01T10:00:00Z");
  static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String REGION = "eu-west-1";
  static final String HOST = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";

  private final SdkHttpFullRequest.Builder request;
  private final byte[] body;
  private final List<Consumer<SignRequest.Builder<AwsCredentialsIdentity>>> options = new ArrayList<>();
  private String service = "execute-api";
  private AwsCredentialsIdentity identity = AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET);

  private SdkSigning(SdkHttpMethod method, String encodedPath, byte[] body) {
    request = SdkHttpFullRequest.builder().method(method).protocol("https").host(HOST).encodedPath(encodedPath);
    this.body = body;
    if (body.length > 0) {
      request.putHeader("Content-Length", Integer.toString(body.length));
    }
  }

  static SdkSigning get(String encodedPath) {
    return new SdkSigning(SdkHttpMethod.GET, encodedPath, new byte[0]);
  }

  static SdkSigning post(String encodedPath, String body) {
    return new SdkSigning(SdkHttpMethod.POST, encodedPath, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a query parameter; the SDK encodes it. A null value makes a name without {@code =}. */
  SdkSigning query(String name, String value) {
    request.appendRawQueryParameter(name, value);
    return this;
  }

  SdkSigning header(String name, String value) {
    request.appendHeader(name, value);
    return this;
  }

  SdkSigning service(String value) {
    service = value;
    return this;
  }

  SdkSigning sessionToken(String token) {
    identity = AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET, token);
    return this;
  }

  /** {@code X-Amz-Content-Sha256: UNSIGNED-PAYLOAD}. */
  SdkSigning unsignedPayload() {
    options.add(r -> r.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    return this;
  }

  SdkSigning presigned(Duration expiration) {
    options.add(r -> r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiration));
    return this;
  }

  /** The path signed encoded again but not normalized. */
  SdkSigning notNormalized() {
    options.add(r -> r.putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
    return this;
  }

  /** The path signed exactly as sent, as curl does. */
  SdkSigning signedAsSent() {
    options.add(r -> r.putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false));
    return this;
  }

  TestRequest sign() {
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
      r.identity(identity).request(request.build()).payload(ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
          .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));
      options.forEach(option -> option.accept(r));
    }).request();
    List<Field> headers = new ArrayList<>();
    signed.forEachHeader((name, values) -> values.forEach(value -> headers.add(new Field(name, value))));
    return new TestRequest(signed.method().name(), signed.encodedPath(),
        signed.encodedQueryParameters().orElse(null), List.copyOf(headers), body);
  }
}
