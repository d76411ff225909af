package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The integration behind a method.
 *
 * @param type {@code HTTP}, {@code HTTP_PROXY}, {@code AWS}, {@code AWS_PROXY} or {@code MOCK} (upper case)
 * @param httpMethod the method used toward the backend ({@code integrationHttpMethod} in SDKs; {@code ANY} passes the
 *     client's method for {@code HTTP_PROXY})
 * @param uri the backend URI; may contain {@code {param}} and {@code ${stageVariables.name}} placeholders
 * @param requestParameters {@code integration.request.*} to source expression
 * @param requestTemplates content type to mapping template
 * @param passthroughBehavior {@code WHEN_NO_MATCH}, {@code WHEN_NO_TEMPLATES} or {@code NEVER}
 * @param timeoutInMillis 50 to 29000 (to 900000 when the response streams); null means the default of 29000
 * @param integrationResponses keyed by selection pattern ({@code default} for the default response) in definition
 *     order
 * @param responseTransferMode {@code BUFFERED} or {@code STREAM} ({@code HTTP_PROXY} and {@code AWS_PROXY} only);
 *     null means {@code BUFFERED}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Integration(
    String type,
    String httpMethod,
    String uri,
    String connectionType,
    String connectionId,
    String credentials,
    Map<String, String> requestParameters,
    Map<String, String> requestTemplates,
    String passthroughBehavior,
    String contentHandling,
    Integer timeoutInMillis,
    String cacheNamespace,
    List<String> cacheKeyParameters,
    Map<String, IntegrationResponse> integrationResponses,
    TlsConfig tlsConfig,
    String responseTransferMode) {

  /** The AWS default integration timeout, also its maximum. */
  public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;
  /** The shortest integration timeout AWS accepts. */
  public static final int MIN_TIMEOUT_MILLIS = 50;
  /** The longest integration timeout AWS accepts for buffered responses. */
  public static final int MAX_TIMEOUT_MILLIS = 29_000;
  /** The longest integration timeout AWS accepts for streamed responses: 15 minutes. */
  public static final int MAX_STREAM_TIMEOUT_MILLIS = 900_000;
  /** {@link #responseTransferMode} of an integration whose response reaches the client as the backend sends it. */
  public static final String STREAM = "STREAM";

  public Integration {
    requestParameters = Copies.map(requestParameters);
    requestTemplates = Copies.map(requestTemplates);
    cacheKeyParameters = Copies.list(cacheKeyParameters);
    integrationResponses = Copies.map(integrationResponses);
  }

  /** Whether the response streams to the client ({@code responseTransferMode: STREAM}). */
  public boolean streams() {
    return STREAM.equals(responseTransferMode);
  }

  /** The longest timeout this integration may have: more when its response streams. */
  public int maxTimeoutMillis() {
    return streams() ? MAX_STREAM_TIMEOUT_MILLIS : MAX_TIMEOUT_MILLIS;
  }

  /**
   * The timeout to apply to the backend call.
   *
   * @throws IllegalArgumentException when {@code timeoutInMillis} is outside {@link #MIN_TIMEOUT_MILLIS} to
   *     {@link #maxTimeoutMillis()}
   */
  public int effectiveTimeoutMillis() {
    int timeout = timeoutInMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutInMillis;
    if (timeout < MIN_TIMEOUT_MILLIS || timeout > maxTimeoutMillis()) {
      throw new IllegalArgumentException("timeoutInMillis must be between " + MIN_TIMEOUT_MILLIS + " and "
          + maxTimeoutMillis() + ": " + timeout);
    }
    return timeout;
  }
}
